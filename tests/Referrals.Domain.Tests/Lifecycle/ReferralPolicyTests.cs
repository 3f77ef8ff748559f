using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referrals.Contracts;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using Referrals.Workflow;
using static Referrals.Domain.Tests.Lifecycle.ReferralTestData;

namespace Referrals.Domain.Tests.Lifecycle;

/// <summary>Policy defaults and binding, registration, and the JSON shapes the runtime stores.</summary>
public sealed class ReferralPolicyTests
{
    [Fact]
    public void Defaults_are_the_ones_in_the_domain_reference()
    {
        var policy = ReferralPolicy.Default;

        Assert.Equal(TimeSpan.FromHours(24), policy.EmergencyAcknowledgeWithin);
        Assert.Equal(TimeSpan.FromHours(72), policy.UrgentAcknowledgeWithin);
        Assert.Equal(5, policy.NormalAcknowledgeWorkingDays);
        Assert.Equal(0.5, policy.AcknowledgeReminderFraction);
        Assert.Equal(2, policy.SecondEscalationWorkingDays);
        Assert.Equal((7, 1), (policy.EarlyPreReturnReminderDaysBefore, policy.LatePreReturnReminderDaysBefore));
        Assert.Equal(new TimeOnly(10, 0), policy.PreReturnReminderLocalTime);
        Assert.Equal(3, policy.ArrivalConfirmationWorkingDays);
        Assert.Equal(5, policy.FirstContactWorkingDays);
        Assert.Equal((30, 90, 180), (policy.FollowUp1DaysAfterArrival, policy.FollowUp2DaysAfterArrival, policy.FollowUp3DaysAfterArrival));
        Assert.Equal("Referrals:Policy", ReferralPolicy.SectionName);
    }

    [Fact]
    public void Registration_binds_the_policy_section_and_resolves_the_decider()
    {
        using var provider = Services(new()
        {
            ["Referrals:Policy:NormalAcknowledgeWorkingDays"] = "3",
            ["Referrals:Policy:EmergencyAcknowledgeWithin"] = "12:00:00",
            ["Referrals:Policy:PreReturnReminderLocalTime"] = "09:30",
        });

        var policy = provider.GetRequiredService<IOptions<ReferralPolicy>>().Value;
        var decider = provider.GetRequiredService<IDecider<ReferralState, ReferralCommand>>();

        Assert.Equal(3, policy.NormalAcknowledgeWorkingDays);
        Assert.Equal(TimeSpan.FromHours(12), policy.EmergencyAcknowledgeWithin);
        Assert.Equal(new TimeOnly(9, 30), policy.PreReturnReminderLocalTime);
        Assert.Equal(90, policy.FollowUp2DaysAfterArrival);
        Assert.Equal(Start.AddHours(12), Assert.IsType<ReferralDecider>(decider).AcknowledgeDueAt(Priority.Emergency, Start));
    }

    [Theory]
    [InlineData("NormalAcknowledgeWorkingDays", "0", "NormalAcknowledgeWorkingDays")]
    [InlineData("AcknowledgeReminderFraction", "1.5", "AcknowledgeReminderFraction")]
    [InlineData("LatePreReturnReminderDaysBefore", "7", "LatePreReturnReminderDaysBefore must be less than EarlyPreReturnReminderDaysBefore")]
    [InlineData("FirstContactReminderWorkingDays", "5", "FirstContactReminderWorkingDays must be less than FirstContactWorkingDays")]
    [InlineData("FollowUp2DaysAfterArrival", "20", "must increase")]
    public void Invalid_setting_fails_naming_it(string key, string value, string expected)
    {
        using var provider = Services(new() { [$"Referrals:Policy:{key}"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ReferralPolicy>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void State_survives_a_JSON_round_trip_with_camel_case_names()
    {
        var harness = ReferralStages.In(ReferralStages.InSupport);
        harness.Accept(new SmsAccepted("sms-welcome-1", "SM0009", SmsEncoding.Ucs2, 3));
        harness.Accept(new OptOutOfSms("STOP"));

        var json = JsonSerializer.Serialize(harness.Current, WorkflowJson.Options);
        var again = JsonSerializer.Serialize(JsonSerializer.Deserialize<ReferralState>(json, WorkflowJson.Options), WorkflowJson.Options);

        Assert.Equal(json, again);
        Assert.Contains("\"status\":\"inSupport\"", json, StringComparison.Ordinal);
        Assert.Contains("\"nextStep\":\"due\"", json, StringComparison.Ordinal);
        Assert.Contains("\"encoding\":\"ucs2\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_serialize_with_a_discriminator()
    {
        ReferralCommand command = new RecordFollowUp(2, "employed", null, Advisor);

        var json = JsonSerializer.Serialize(command, WorkflowJson.Options);

        Assert.StartsWith("{\"command\":\"recordFollowUp\"", json, StringComparison.Ordinal);
        Assert.Equal(command, JsonSerializer.Deserialize<ReferralCommand>(json, WorkflowJson.Options));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddReferralLifecycle();
        return services.BuildServiceProvider();
    }
}
