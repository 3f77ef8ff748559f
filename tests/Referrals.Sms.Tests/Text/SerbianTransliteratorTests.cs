using Referrals.Sms.Text;

namespace Referrals.Sms.Tests.Text;

public sealed class SerbianTransliteratorTests
{
    [Theory]
    [InlineData("č", "c")]
    [InlineData("ć", "c")]
    [InlineData("š", "s")]
    [InlineData("ž", "z")]
    [InlineData("đ", "dj")]
    [InlineData("Č", "C")]
    [InlineData("Ć", "C")]
    [InlineData("Š", "S")]
    [InlineData("Ž", "Z")]
    [InlineData("Đ", "Dj")]
    [InlineData("Dobrodošli u Niš, đaci i učitelji", "Dobrodosli u Nis, djaci i ucitelji")]
    [InlineData("Добродошли у Ниш", "Dobrodosli u Nis")]
    [InlineData("Љубав, Њива, Џеп, Ђак, Ћуприја", "Ljubav, Njiva, Dzep, Djak, Cuprija")]
    [InlineData("абвгдђежзијклљмнњопрстћуфхцчџш", "abvgddjezzijklljmnnjoprstcufhccdzs")]
    [InlineData("Grüße, 50 €", "Grüße, 50 €")]
    public void Transliterate_writes_Serbian_in_plain_Latin(string text, string expected)
    {
        var result = SerbianTransliterator.Transliterate(text);

        Assert.Equal(expected, result);
        Assert.True(Gsm7Alphabet.CanEncode(result));
    }
}
