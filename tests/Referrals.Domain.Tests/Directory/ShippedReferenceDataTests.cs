using Referrals.Domain.Directory;

namespace Referrals.Domain.Tests.Directory;

public sealed class ShippedReferenceDataTests
{
    private static readonly ReferenceData Data = ReferenceDataLoader.Load(new ReferenceDataOptions());

    [Fact]
    public void The_shipped_files_load_with_every_municipality_routed_to_one_centre()
    {
        Assert.Equal(162, Data.Municipalities.All.Count);
        Assert.True(Data.Mscs.All.Count >= 8);
        Assert.True(Data.IsSample);
        Assert.All(Data.Municipalities.All, m => Assert.NotNull(Data.Mscs.RouteFor(m.Code)));
        Assert.Equal(
            Data.Municipalities.All.Count,
            Data.Mscs.All.Sum(c => c.Municipalities.Count));
    }

    [Fact]
    public void Belgrade_has_its_17_city_municipalities()
    {
        var belgrade = Data.Municipalities.All.Where(m => m.Parent == "beograd").ToList();
        Assert.Equal(17, belgrade.Count);
        Assert.All(belgrade, m => Assert.StartsWith("beograd-", m.Code, StringComparison.Ordinal));
    }

    [Fact]
    public void Sample_centres_use_only_fictional_contacts()
    {
        Assert.All(Data.Mscs.All, centre =>
        {
            Assert.EndsWith(".example", centre.Email, StringComparison.Ordinal);
            Assert.EndsWith(".example", centre.Head.Email, StringComparison.Ordinal);
            Assert.Contains(" 555 ", centre.Phone, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("nis", "nis")]
    [InlineData("beograd-zemun", "beograd")]
    [InlineData("beograd", "beograd")]
    [InlineData("pozarevac", "beograd")]
    [InlineData("sabac", "beograd")]
    [InlineData("novi-sad", "novi-sad")]
    [InlineData("sremska-mitrovica", "novi-sad")]
    [InlineData("zrenjanin", "novi-sad")]
    [InlineData("subotica", "subotica")]
    [InlineData("kikinda", "subotica")]
    [InlineData("pirot", "nis")]
    [InlineData("zajecar", "nis")]
    [InlineData("kragujevac", "kragujevac")]
    [InlineData("krusevac", "kragujevac")]
    [InlineData("kraljevo", "kraljevo")]
    [InlineData("cacak", "kraljevo")]
    [InlineData("uzice", "kraljevo")]
    [InlineData("novi-pazar", "novi-pazar")]
    [InlineData("sjenica", "novi-pazar")]
    [InlineData("tutin", "novi-pazar")]
    [InlineData("vranje", "vranje")]
    [InlineData("leskovac", "vranje")]
    public void RouteFor_sends_a_municipality_to_its_regional_centre(string municipality, string msc)
    {
        Assert.Equal(msc, Data.Mscs.RouteFor(municipality).Id);
    }

    [Fact]
    public void RouteFor_an_unknown_code_throws()
    {
        Assert.Throws<KeyNotFoundException>(() => Data.Mscs.RouteFor("pristina"));
    }

    [Theory]
    [InlineData("nis")]
    [InlineData("NIS")]
    [InlineData("Nis")]
    public void Find_a_centre_by_id_ignores_case(string id)
    {
        Assert.Equal("nis", Data.Mscs.Find(id)?.Id);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData(null)]
    public void Find_an_unknown_centre_returns_null(string? id)
    {
        Assert.Null(Data.Mscs.Find(id));
    }
}
