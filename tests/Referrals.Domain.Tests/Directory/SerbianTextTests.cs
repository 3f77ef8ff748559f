using Referrals.Domain.Directory;

namespace Referrals.Domain.Tests.Directory;

public sealed class SerbianTextTests
{
    [Theory]
    [InlineData("Niš", "nis")]
    [InlineData("ŠABAC", "sabac")]
    [InlineData("Ćuprija", "cuprija")]
    [InlineData("Žabalj", "zabalj")]
    [InlineData("Ћуприја", "cuprija")]
    [InlineData("Љиг", "ljig")]
    [InlineData("Њ", "nj")]
    [InlineData("Гаџин Хан", "gadzinhan")]
    [InlineData("Gadžin-Han", "gadzinhan")]
    [InlineData("Petrovac na Mlavi", "petrovacnamlavi")]
    public void Key_folds_case_script_diacritics_and_separators(string text, string key)
    {
        Assert.Equal(key, SerbianText.Key(text));
    }

    [Theory]
    [InlineData("Medveđa", new[] { "medvedja", "medveda" })]
    [InlineData("Медвеђа", new[] { "medvedja", "medveda" })]
    [InlineData("Medvedja", new[] { "medvedja" })]
    public void Keys_give_dj_and_d_for_the_letter_dj(string text, string[] keys)
    {
        Assert.Equal(keys, SerbianText.Keys(text));
    }
}
