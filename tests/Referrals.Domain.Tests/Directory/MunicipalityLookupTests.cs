using Referrals.Domain.Directory;

namespace Referrals.Domain.Tests.Directory;

public sealed class MunicipalityLookupTests
{
    private static readonly MunicipalityDirectory Municipalities =
        ReferenceDataLoader.Load(new ReferenceDataOptions()).Municipalities;

    [Theory]
    [InlineData("nis", "nis")]
    [InlineData("Niš", "nis")]
    [InlineData("NIŠ", "nis")]
    [InlineData("Ниш", "nis")]
    [InlineData("НИШ", "nis")]
    [InlineData(" Niš ", "nis")]
    [InlineData("Čačak", "cacak")]
    [InlineData("cacak", "cacak")]
    [InlineData("Чачак", "cacak")]
    [InlineData("Inđija", "indjija")]
    [InlineData("Indjija", "indjija")]
    [InlineData("Indija", "indjija")]
    [InlineData("Инђија", "indjija")]
    [InlineData("Aranđelovac", "arandjelovac")]
    [InlineData("Arandelovac", "arandjelovac")]
    [InlineData("Odžaci", "odzaci")]
    [InlineData("Оџаци", "odzaci")]
    [InlineData("Љубовија", "ljubovija")]
    [InlineData("Savski venac", "beograd-savski-venac")]
    [InlineData("Савски венац", "beograd-savski-venac")]
    [InlineData("savski-venac", "beograd-savski-venac")]
    [InlineData("beograd-savski-venac", "beograd-savski-venac")]
    [InlineData("Novi Beograd", "beograd-novi-beograd")]
    [InlineData("Нови Београд", "beograd-novi-beograd")]
    [InlineData("Zemun", "beograd-zemun")]
    [InlineData("Palilula", "beograd-palilula")]
    [InlineData("Beograd", "beograd")]
    [InlineData("Београд", "beograd")]
    [InlineData("  Novi   Sad ", "novi-sad")]
    [InlineData("novi-sad", "novi-sad")]
    [InlineData("Bačka Topola", "backa-topola")]
    [InlineData("Vrnjačka Banja", "vrnjacka-banja")]
    [InlineData("Sremski Karlovci", "sremski-karlovci")]
    public void TryFind_ignores_case_diacritics_script_and_spacing(string input, string code)
    {
        Assert.True(Municipalities.TryFind(input, out var municipality));
        Assert.Equal(code, municipality.Code);
    }

    [Theory]
    [InlineData("Priština")]
    [InlineData("Springfield")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void TryFind_an_unknown_name_finds_nothing(string? input)
    {
        Assert.False(Municipalities.TryFind(input, out var municipality));
        Assert.Null(municipality);
    }

    [Theory]
    [InlineData("Nish", "nis")]
    [InlineData("Kragujevc", "kragujevac")]
    [InlineData("Novi Sd", "novi-sad")]
    [InlineData("Чачк", "cacak")]
    [InlineData("Smederevska", "smederevska-palanka")]
    public void Suggest_offers_close_names_first(string input, string code)
    {
        var suggestions = Municipalities.Suggest(input);
        Assert.InRange(suggestions.Count, 1, 3);
        Assert.Equal(code, suggestions[0].Code);
    }

    [Theory]
    [InlineData("Springfield")]
    [InlineData("")]
    [InlineData("???")]
    public void Suggest_offers_nothing_for_a_name_far_from_all(string input)
    {
        Assert.Empty(Municipalities.Suggest(input));
    }

    [Fact]
    public void ByCode_matches_the_exact_code_only()
    {
        Assert.Equal("Niš", Municipalities.ByCode("nis")?.NameLatin);
        Assert.Null(Municipalities.ByCode("Niš"));
    }
}
