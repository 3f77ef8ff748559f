using Referrals.Sms.Text;

namespace Referrals.Sms.Tests.Text;

public sealed class Gsm7AlphabetTests
{
    [Fact]
    public void The_alphabet_holds_exactly_127_basic_and_10_extension_characters()
    {
        var basic = 0;
        var extension = 0;
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            basic += Gsm7Alphabet.IsBasic(c) ? 1 : 0;
            extension += Gsm7Alphabet.IsExtension(c) ? 1 : 0;
            Assert.False(Gsm7Alphabet.IsBasic(c) && Gsm7Alphabet.IsExtension(c), $"U+{code:X4} is in both tables");
        }

        // 128 basic codes minus ESC; the extension table's printable characters plus the page break.
        Assert.Equal(127, basic);
        Assert.Equal(10, extension);
    }

    [Theory]
    [InlineData('@')]
    [InlineData('£')]
    [InlineData('Δ')]
    [InlineData('Ø')]
    [InlineData('¡')]
    [InlineData('§')]
    [InlineData('¿')]
    [InlineData('à')]
    [InlineData('ñ')]
    [InlineData('Ξ')]
    public void Basic_table_characters_take_one_septet(char c) => Assert.Equal(1, Gsm7Alphabet.SeptetsOf(c));

    [Theory]
    [InlineData('^')]
    [InlineData('{')]
    [InlineData('}')]
    [InlineData('\\')]
    [InlineData('[')]
    [InlineData('~')]
    [InlineData(']')]
    [InlineData('|')]
    [InlineData('€')]
    [InlineData('\f')]
    public void Extension_table_characters_take_two_septets(char c) => Assert.Equal(2, Gsm7Alphabet.SeptetsOf(c));

    [Theory]
    [InlineData('č')]
    [InlineData('ć')]
    [InlineData('š')]
    [InlineData('ž')]
    [InlineData('đ')]
    [InlineData('Č')]
    [InlineData('Ć')]
    [InlineData('Š')]
    [InlineData('Ž')]
    [InlineData('Đ')]
    [InlineData('ж')]
    [InlineData('`')]
    [InlineData('\u001B')]
    public void Serbian_diacritics_Cyrillic_and_escape_are_not_in_GSM7(char c)
    {
        Assert.False(Gsm7Alphabet.CanEncode([c]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gsm7Alphabet.SeptetsOf(c));
    }
}
