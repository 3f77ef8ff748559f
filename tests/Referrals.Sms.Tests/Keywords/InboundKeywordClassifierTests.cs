using Referrals.Sms.Keywords;

namespace Referrals.Sms.Tests.Keywords;

public sealed class InboundKeywordClassifierTests
{
    [Theory]
    // Twilio's defaults
    [InlineData("STOP", InboundKeyword.Stop)]
    [InlineData("STOPALL", InboundKeyword.Stop)]
    [InlineData("UNSUBSCRIBE", InboundKeyword.Stop)]
    [InlineData("END", InboundKeyword.Stop)]
    [InlineData("QUIT", InboundKeyword.Stop)]
    [InlineData("REVOKE", InboundKeyword.Stop)]
    [InlineData("OPTOUT", InboundKeyword.Stop)]
    [InlineData("CANCEL", InboundKeyword.Stop)]
    [InlineData("START", InboundKeyword.Start)]
    [InlineData("UNSTOP", InboundKeyword.Start)]
    [InlineData("YES", InboundKeyword.Start)]
    [InlineData("HELP", InboundKeyword.Help)]
    [InlineData("INFO", InboundKeyword.Help)]
    // Serbian Latin, with and without diacritics
    [InlineData("ODJAVA", InboundKeyword.Stop)]
    [InlineData("PREKINI", InboundKeyword.Stop)]
    [InlineData("KRAJ", InboundKeyword.Stop)]
    [InlineData("POCNI", InboundKeyword.Start)]
    [InlineData("POČNI", InboundKeyword.Start)]
    [InlineData("POMOC", InboundKeyword.Help)]
    [InlineData("POMOĆ", InboundKeyword.Help)]
    // Serbian Cyrillic
    [InlineData("СТОП", InboundKeyword.Stop)]
    [InlineData("ОДЈАВА", InboundKeyword.Stop)]
    [InlineData("ПРЕКИНИ", InboundKeyword.Stop)]
    [InlineData("КРАЈ", InboundKeyword.Stop)]
    [InlineData("ПОЧНИ", InboundKeyword.Start)]
    [InlineData("СТАРТ", InboundKeyword.Start)]
    [InlineData("ПОМОЋ", InboundKeyword.Help)]
    // German
    [InlineData("STOPP", InboundKeyword.Stop)]
    [InlineData("ABMELDEN", InboundKeyword.Stop)]
    [InlineData("BEENDEN", InboundKeyword.Stop)]
    [InlineData("HILFE", InboundKeyword.Help)]
    public void Every_keyword_is_recognised(string body, InboundKeyword expected) =>
        Assert.Equal(expected, InboundKeywordClassifier.Classify(body));

    [Theory]
    [InlineData("stop", InboundKeyword.Stop)]
    [InlineData("Stop", InboundKeyword.Stop)]
    [InlineData("  stop \n", InboundKeyword.Stop)]
    [InlineData("\tSTOP\t", InboundKeyword.Stop)]
    [InlineData("Stop.", InboundKeyword.Stop)]
    [InlineData("stop!", InboundKeyword.Stop)]
    [InlineData("\"STOP\"", InboundKeyword.Stop)]
    [InlineData("odjava", InboundKeyword.Stop)]
    [InlineData("počni", InboundKeyword.Start)]
    [InlineData("Pocni", InboundKeyword.Start)]
    [InlineData("pomoć?", InboundKeyword.Help)]
    [InlineData("стоп", InboundKeyword.Stop)]
    [InlineData("Стоп", InboundKeyword.Stop)]
    [InlineData("почни", InboundKeyword.Start)]
    [InlineData("помоћ", InboundKeyword.Help)]
    [InlineData("stopp", InboundKeyword.Stop)]
    [InlineData("Hilfe!", InboundKeyword.Help)]
    [InlineData("yes", InboundKeyword.Start)]
    public void Case_whitespace_punctuation_and_diacritics_do_not_matter(string body, InboundKeyword expected) =>
        Assert.Equal(expected, InboundKeywordClassifier.Classify(body));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("STOP please")]
    [InlineData("please stop")]
    [InlineData("ST OP")]
    [InlineData("STOPPED")]
    [InlineData("STOP STOP")]
    [InlineData("Hvala, stižem u utorak")]
    [InlineData("Da")]
    [InlineData("Ja")]
    [InlineData("Kada je termin?")]
    [InlineData("?")]
    public void Anything_but_a_whole_keyword_is_other(string? body) =>
        Assert.Equal(InboundKeyword.Other, InboundKeywordClassifier.Classify(body));

    [Theory]
    [InlineData("STOP", InboundKeyword.Stop)]
    [InlineData("cancel", InboundKeyword.Stop)]
    [InlineData("YES", InboundKeyword.Start)]
    [InlineData("unstop", InboundKeyword.Start)]
    [InlineData("INFO", InboundKeyword.Help)]
    [InlineData("ODJAVA", InboundKeyword.Other)]
    [InlineData("POČNI", InboundKeyword.Other)]
    [InlineData("СТОП", InboundKeyword.Other)]
    [InlineData("STOPP", InboundKeyword.Other)]
    [InlineData("HILFE", InboundKeyword.Other)]
    public void ClassifyAsTwilio_knows_only_Twilios_default_words(string body, InboundKeyword expected) =>
        Assert.Equal(expected, InboundKeywordClassifier.ClassifyAsTwilio(body));
}
