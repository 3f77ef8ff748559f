using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referrals.Contracts;
using Referrals.Domain.Calendar;
using Referrals.Domain.Directory;
using Referrals.Domain.Intake;

namespace Referrals.Domain.Tests.Intake;

public sealed class ReferralDomainRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging();
        services.AddReferralDomain();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void The_defaults_load_the_shipped_data_and_resolve_every_service()
    {
        using var provider = Build([]);
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<SerbianWorkingDayCalendar>(provider.GetRequiredService<IWorkingDayCalendar>());
        Assert.Equal("nis", provider.GetRequiredService<MscDirectory>().RouteFor("nis").Id);
        Assert.Same(provider.GetRequiredService<ReferenceData>().Municipalities, provider.GetRequiredService<MunicipalityDirectory>());
        Assert.NotNull(provider.GetRequiredService<IntakeValidator>());
        Assert.False(provider.GetRequiredService<QuietHours>().IsQuiet(DateTimeOffset.Parse("2026-12-01T11:00:00Z", System.Globalization.CultureInfo.InvariantCulture), TimeZones.Belgrade));
    }

    [Fact]
    public void Settings_are_bound_from_their_sections()
    {
        using var provider = Build(new()
        {
            ["QuietHours:Start"] = "22:00",
            ["QuietHours:End"] = "07:30",
            ["Intake:MaxNotesLength"] = "500",
            ["Intake:PhoneRegions:0"] = "RS",
            ["Intake:PhoneRegions:1"] = "DE",
        });
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(new TimeOnly(22, 0), provider.GetRequiredService<IOptions<QuietHoursOptions>>().Value.Start);
        var intake = provider.GetRequiredService<IOptions<IntakeOptions>>().Value;
        Assert.Equal(500, intake.MaxNotesLength);
        Assert.Equal(["RS", "DE"], intake.PhoneRegions!);
    }

    [Theory]
    [InlineData("ReferenceData:MscsPath", "does-not-exist.json", "ReferenceData:MscsPath")]
    [InlineData("QuietHours:End", "21:00", "QuietHours:Start and QuietHours:End must differ")]
    [InlineData("Intake:MaxAdults", "0", "MaxAdults")]
    [InlineData("Intake:PhoneRegions:0", "ZZ", "Intake:PhoneRegions contains 'ZZ'")]
    public void A_bad_setting_stops_start_up_naming_it(string key, string value, string expected)
    {
        using var provider = Build(new() { [key] = value });
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_reference_data_stops_start_up_naming_the_problem()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("referrals-registration-").FullName;
        try
        {
            var mscs = Path.Combine(folder, "mscs.json");
            var shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "mscs.json"));
            File.WriteAllText(mscs, shipped.Replace("\"sjenica\",", "", StringComparison.Ordinal));

            using var provider = Build(new() { ["ReferenceData:MscsPath"] = mscs });
            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
            Assert.Contains("no MSC covers municipality 'sjenica'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
