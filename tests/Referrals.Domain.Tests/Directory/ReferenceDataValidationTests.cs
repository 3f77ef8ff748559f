using Referrals.Domain.Directory;

namespace Referrals.Domain.Tests.Directory;

public sealed class ReferenceDataValidationTests : IDisposable
{
    private readonly string folder = System.IO.Directory.CreateTempSubdirectory("referrals-reference-data-").FullName;

    private static Municipality M(string code, string latin, string cyrillic = "Ц", string? parent = null) =>
        new(code, latin, cyrillic + code, "District", parent);

    private static MigrationServiceCentre C(string id, params string[] municipalities) =>
        new(id, "Centre " + id, "City", "Street 1", "+381 11 555 0100", id + "@msc.example",
            new MscHead("Head", "head@msc.example"), "Mon–Fri 08:00–16:00", municipalities);

    public void Dispose() => System.IO.Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_duplicate_municipality_code_is_named()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            new MunicipalityDirectory([M("nis", "Niš"), M("nis", "Niš 2")]));
        Assert.Contains("municipality code 'nis' appears more than once", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Niš")]
    [InlineData("nis code")]
    [InlineData("")]
    public void A_code_that_is_not_a_slug_is_named(string code)
    {
        var error = Assert.Throws<InvalidDataException>(() => new MunicipalityDirectory([M(code, "Niš")]));
        Assert.Contains($"'{code}' is not a lower-case ASCII slug", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_municipalities_with_the_same_search_name_are_named()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            new MunicipalityDirectory([M("a", "Palilula"), M("b", "PALILULA")]));
        Assert.Contains("'a' and 'b' share the search name 'palilula'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_parent_and_a_missing_name_are_named()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            new MunicipalityDirectory([M("zemun", "Zemun", parent: "beograd"), new Municipality("x", " ", "Икс", "D", null)]));
        Assert.Contains("'zemun' names an unknown parent 'beograd'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'x' needs both a Latin and a Cyrillic name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Routing_problems_are_all_named_at_once()
    {
        var municipalities = new MunicipalityDirectory([M("nis", "Niš"), M("pirot", "Pirot"), M("bor", "Bor")]);
        var error = Assert.Throws<InvalidDataException>(() => new MscDirectory(
            [C("nis", "nis", "atlantis", "pirot"), C("pirot", "pirot"), C("nis", "nis")],
            municipalities));
        Assert.Contains("MSC 'nis' lists unknown municipality 'atlantis'", error.Message, StringComparison.Ordinal);
        Assert.Contains("municipality 'pirot' is covered by both MSC 'nis' and MSC 'pirot'", error.Message, StringComparison.Ordinal);
        Assert.Contains("MSC id 'nis' appears more than once", error.Message, StringComparison.Ordinal);
        Assert.Contains("no MSC covers municipality 'bor'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_centre_missing_fields_is_named_with_each_field()
    {
        var municipalities = new MunicipalityDirectory([M("nis", "Niš")]);
        var centre = C("nis", "nis") with { Email = "", Head = new MscHead("", "h@msc.example"), Municipalities = [] };
        var error = Assert.Throws<InvalidDataException>(() => new MscDirectory([centre], municipalities));
        Assert.Contains("MSC 'nis' has no email", error.Message, StringComparison.Ordinal);
        Assert.Contains("MSC 'nis' has no head name", error.Message, StringComparison.Ordinal);
        Assert.Contains("MSC 'nis' has no municipalities", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_names_a_missing_file_and_its_setting()
    {
        var options = new ReferenceDataOptions { MunicipalitiesPath = Path.Combine(folder, "missing.json") };
        var error = Assert.Throws<FileNotFoundException>(() => ReferenceDataLoader.Load(options));
        Assert.Contains("ReferenceData:MunicipalitiesPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_names_a_missing_field_in_a_file()
    {
        var options = Write(
            """{"municipalities":[{"code":"nis","nameLatin":"Niš","district":"Nišavski okrug"}]}""",
            MscFile("""{"id":"nis","name":"N","city":"Niš","address":"A","phone":"P","email":"e@msc.example","head":{"name":"H","email":"h@msc.example"},"hours":"H","municipalities":["nis"]}"""));
        var error = Assert.Throws<InvalidDataException>(() => ReferenceDataLoader.Load(options));
        Assert.Contains("municipalities.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("nameCyrillic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_names_the_file_of_a_routing_problem()
    {
        var options = Write(
            """{"municipalities":[{"code":"nis","nameLatin":"Niš","nameCyrillic":"Ниш","district":"Nišavski okrug"}]}""",
            MscFile("""{"id":"nis","name":"N","city":"Niš","address":"A","phone":"P","email":"e@msc.example","head":{"name":"H","email":"h@msc.example"},"hours":"H","municipalities":["nis","vranje"]}"""));
        var error = Assert.Throws<InvalidDataException>(() => ReferenceDataLoader.Load(options));
        Assert.Contains("MSC 'nis' lists unknown municipality 'vranje'", error.Message, StringComparison.Ordinal);
        Assert.Contains("mscs.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_reads_replacement_files_from_configured_paths()
    {
        var options = Write(
            """{"municipalities":[{"code":"nis","nameLatin":"Niš","nameCyrillic":"Ниш","district":"Nišavski okrug"}]}""",
            """{"sample":false,"centres":[{"id":"nis","name":"N","city":"Niš","address":"A","phone":"P","email":"e@msc.example","head":{"name":"H","email":"h@msc.example"},"hours":"H","municipalities":["nis"]}]}""");
        var data = ReferenceDataLoader.Load(options);
        Assert.False(data.IsSample);
        Assert.Equal("nis", data.Mscs.RouteFor("nis").Id);
        Assert.True(data.Municipalities.TryFind("Ниш", out _));
    }

    private static string MscFile(string centre) => $$"""{"sample":true,"centres":[{{centre}}]}""";

    private ReferenceDataOptions Write(string municipalities, string mscs)
    {
        var options = new ReferenceDataOptions
        {
            MunicipalitiesPath = Path.Combine(folder, "municipalities.json"),
            MscsPath = Path.Combine(folder, "mscs.json"),
        };
        File.WriteAllText(options.MunicipalitiesPath, municipalities);
        File.WriteAllText(options.MscsPath, mscs);
        return options;
    }
}
