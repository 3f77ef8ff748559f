using Referrals.Sms.Text;

namespace Referrals.Sms.Tests.Text;

public sealed class SmsEncodingAnalyzerTests
{
    public static TheoryData<string, string, SmsEncoding, int, int> Cases => new()
    {
        { "empty", "", SmsEncoding.Gsm7, 0, 0 },
        { "plain ASCII", "Hello", SmsEncoding.Gsm7, 1, 5 },
        { "160 basic = one segment", new string('a', 160), SmsEncoding.Gsm7, 1, 160 },
        { "161 basic = two segments", new string('a', 161), SmsEncoding.Gsm7, 2, 161 },
        { "306 basic = two segments of 153", new string('a', 306), SmsEncoding.Gsm7, 2, 306 },
        { "307 basic = three segments", new string('a', 307), SmsEncoding.Gsm7, 3, 307 },
        { "euro counts two septets", "€", SmsEncoding.Gsm7, 1, 2 },
        { "every extension char counts two", "^{}\\[~]|€\f", SmsEncoding.Gsm7, 1, 20 },
        { "80 euros fill one segment", new string('€', 80), SmsEncoding.Gsm7, 1, 160 },
        { "81 euros need two", new string('€', 81), SmsEncoding.Gsm7, 2, 162 },
        { "159 basic + euro = 161 septets", new string('a', 159) + "€", SmsEncoding.Gsm7, 2, 161 },
        { "escape pair never split across parts", new string('a', 152) + "€" + new string('a', 152), SmsEncoding.Gsm7, 3, 306 },
        { "German umlauts and sharp s are GSM-7", "Grüße aus Köln, Übergang, Äpfel", SmsEncoding.Gsm7, 1, 31 },
        { "capital C cedilla is GSM-7", "Ç", SmsEncoding.Gsm7, 1, 1 },
        { "small c cedilla is not", "ç", SmsEncoding.Ucs2, 1, 1 },
        { "one Serbian diacritic makes UCS-2", "Dobar dan, Niš", SmsEncoding.Ucs2, 1, 14 },
        { "70 UCS-2 units = one segment", new string('č', 70), SmsEncoding.Ucs2, 1, 70 },
        { "71 UCS-2 units = two segments", new string('č', 71), SmsEncoding.Ucs2, 2, 71 },
        { "134 UCS-2 units = two segments of 67", new string('č', 134), SmsEncoding.Ucs2, 2, 134 },
        { "135 UCS-2 units = three segments", new string('č', 135), SmsEncoding.Ucs2, 3, 135 },
        { "Cyrillic is UCS-2", "Здраво", SmsEncoding.Ucs2, 1, 6 },
        { "an emoji is two code units", "😀", SmsEncoding.Ucs2, 1, 2 },
        { "35 emoji fill one segment", string.Concat(Enumerable.Repeat("😀", 35)), SmsEncoding.Ucs2, 1, 70 },
        { "36 emoji need two", string.Concat(Enumerable.Repeat("😀", 36)), SmsEncoding.Ucs2, 2, 72 },
        { "surrogate pair never split across parts", new string('č', 66) + "😀" + new string('č', 66), SmsEncoding.Ucs2, 3, 134 },
        { "line breaks are GSM-7", "a\nb\r\nc", SmsEncoding.Gsm7, 1, 6 },
        { "a tab is not GSM-7", "a\tb", SmsEncoding.Ucs2, 1, 3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analyze_counts_encoding_segments_and_length(
        string scenario, string text, SmsEncoding encoding, int segments, int length)
    {
        var analysis = SmsEncodingAnalyzer.Analyze(text);

        Assert.True(
            new SmsEncodingAnalysis(encoding, segments, length) == analysis,
            $"{scenario}: expected {encoding}/{segments}/{length}, got {analysis}");
    }

    [Fact]
    public void Analyze_rejects_null() =>
        Assert.Throws<ArgumentNullException>(() => SmsEncodingAnalyzer.Analyze(null!));
}
