using Microsoft.Extensions.DependencyInjection;
using Referrals.Messaging.Email;
using Referrals.Messaging.Models;
using Referrals.Messaging.Rendering;

namespace Referrals.Messaging.Tests;

/// <summary>
/// The routing, arrival and first-contact emails: the wording each stage chooses, the deadline they are about (in
/// Belgrade time) and the addressing. Delivery through MailDev and privacy are covered with every other kind.
/// </summary>
public sealed class DeadlineEmailTests : IDisposable
{
    private readonly ServiceProvider _services = MessagingServices.Build(MessagingServices.SmtpSettings(25));

    private static readonly ReferralSummary s_summary = ReferralFixture.Sample.Summary();

    private const string Msc = "Migracioni servisni centar NSZ Niš";

    private EmailMessage Compose(StaffEmail email, string language) =>
        _services.GetRequiredService<IStaffEmailComposer>().Compose(email, language, $"effect-{Guid.NewGuid():N}");

    [Theory]
    [InlineData("sr-Latn", "Dodelite centar uputu M. J., Niš do 25. 11. 2026. u 16:00",
        "Migracioni servisni centar NSZ Leskovac je odbio uput jer nije na njegovom području", "Molimo da centar dodelite do 25. 11. 2026. u 16:00.")]
    [InlineData("en", "Assign a centre to referral M. J., Niš by 25 Nov 2026, 16:00",
        "Migracioni servisni centar NSZ Leskovac rejected it as outside its area", "Please assign a centre by 25 Nov 2026, 16:00.")]
    public void A_routing_request_asks_the_coordinator_to_assign_a_centre_by_the_routing_deadline(
        string language, string subject, string rejection, string request)
    {
        var email = new RoutingRequestEmail(RoutingStage.Request, [ReferralFixture.Coordinator], s_summary, ReferralFixture.RouteBy)
        {
            RejectedByMscName = ReferralFixture.RejectingMsc,
        };

        var message = Compose(email, language);

        Assert.Equal(EmailKinds.RoutingRequest, message.Kind);
        Assert.Equal(subject, message.Subject);
        Assert.Equal(ReferralFixture.Coordinator, Assert.Single(message.To));
        Assert.Empty(message.Cc);
        Assert.Contains(rejection, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(rejection, message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(request, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(request, message.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sr-Latn", "Rok je istekao: uput M. J., Niš još nema centar",
        "Rok za dodelu centra (25. 11. 2026. u 16:00) je istekao.", "Molimo da centar dodelite do", "odbio")]
    [InlineData("en", "Overdue: referral M. J., Niš still has no centre",
        "The routing deadline (25 Nov 2026, 16:00) has passed.", "Please assign a centre by", "rejected")]
    public void An_overdue_routing_request_says_the_deadline_passed_and_without_a_rejecting_centre_names_none(
        string language, string subject, string overdue, string beforeDeadlineWording, string rejectionWording)
    {
        var email = new RoutingRequestEmail(RoutingStage.Overdue, [ReferralFixture.Coordinator], s_summary, ReferralFixture.RouteBy);

        var message = Compose(email, language);

        Assert.Equal(subject, message.Subject);
        foreach (var body in new[] { message.TextBody, message.HtmlBody })
        {
            Assert.Contains(overdue, body, StringComparison.Ordinal);
            Assert.DoesNotContain(beforeDeadlineWording, body, StringComparison.Ordinal);
            Assert.DoesNotContain(rejectionWording, body, StringComparison.Ordinal);
            Assert.DoesNotContain(Msc, body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("sr-Latn", "Dolazak nije potvrđen: uput M. J., očekivani povratak 10. 12. 2026.",
        "Očekivani datum povratka (10. 12. 2026.) je prošao", "Rok za potvrdu dolaska: 15. 12. 2026. u 16:00")]
    [InlineData("en", "Arrival not confirmed: referral M. J., expected back 10 Dec 2026",
        "The expected return date (10 Dec 2026) has passed", "Arrival confirmation due: 15 Dec 2026, 16:00")]
    public void An_arrival_confirmation_reminder_names_the_return_date_and_the_arrival_deadline(
        string language, string subject, string intro, string deadline)
    {
        var email = new ArrivalConfirmationReminderEmail([ReferralFixture.MscInbox], s_summary, Msc, ReferralFixture.ConfirmArrivalBy);

        var message = Compose(email, language);

        Assert.Equal(EmailKinds.ArrivalConfirmationReminder, message.Kind);
        Assert.Equal(subject, message.Subject);
        Assert.Equal(ReferralFixture.MscInbox, Assert.Single(message.To));
        Assert.Contains(intro, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(deadline, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(Msc, message.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FirstContactStage.Reminder, "sr-Latn", "Podsetnik: prvi kontakt sa M. J. do 16. 12. 2026. u 16:00", "Datum dolaska: 11. 12. 2026.")]
    [InlineData(FirstContactStage.Reminder, "en", "Reminder: first contact with M. J. due by 16 Dec 2026, 16:00", "Arrived on: 11 Dec 2026")]
    [InlineData(FirstContactStage.Escalation, "sr-Latn", "Eskalacija: prvi kontakt sa M. J. nije ostvaren u roku (Migracioni servisni centar NSZ Niš)",
        "Rok za prvi kontakt (16. 12. 2026. u 16:00) je istekao")]
    [InlineData(FirstContactStage.Escalation, "en", "Escalation: no first contact with M. J. in time (Migracioni servisni centar NSZ Niš)",
        "The first-contact deadline (16 Dec 2026, 16:00) has passed")]
    public void First_contact_emails_name_the_arrival_date_and_the_first_contact_deadline(
        FirstContactStage stage, string language, string subject, string expected)
    {
        var email = new FirstContactDeadlineEmail(
            stage, [ReferralFixture.MscInbox], s_summary, Msc, ReferralFixture.ArrivedOn, ReferralFixture.FirstContactBy);

        var message = Compose(email, language);

        Assert.Equal(stage is FirstContactStage.Reminder ? EmailKinds.FirstContactReminder : EmailKinds.FirstContactEscalation, message.Kind);
        Assert.Equal(subject, message.Subject);
        Assert.Contains(expected, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(language == "en" ? "11 Dec 2026" : "11. 12. 2026.", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(language == "en" ? "16 Dec 2026, 16:00" : "16. 12. 2026. u 16:00", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_contact_escalation_goes_to_the_msc_head_with_the_coordinator_in_copy()
    {
        var email = ReferralFixture.Sample.EveryStaffEmail().Single(e => e.Kind == EmailKinds.FirstContactEscalation);

        var message = Compose(email, "en");

        Assert.Equal(ReferralFixture.MscHead, Assert.Single(message.To));
        Assert.Equal(ReferralFixture.Coordinator, Assert.Single(message.Cc));
    }

    [Fact]
    public void An_undefined_stage_fails_naming_it()
    {
        var routing = new RoutingRequestEmail((RoutingStage)7, [ReferralFixture.Coordinator], s_summary, ReferralFixture.RouteBy);
        var firstContact = new FirstContactDeadlineEmail(
            (FirstContactStage)7, [ReferralFixture.MscInbox], s_summary, Msc, ReferralFixture.ArrivedOn, ReferralFixture.FirstContactBy);

        Assert.Equal("Stage", Assert.Throws<ArgumentOutOfRangeException>(() => Compose(routing, "en")).ParamName);
        Assert.Equal("Stage", Assert.Throws<ArgumentOutOfRangeException>(() => firstContact.Kind).ParamName);
    }

    public void Dispose() => _services.Dispose();
}
