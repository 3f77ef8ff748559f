using Microsoft.Extensions.DependencyInjection;
using Referrals.Messaging.Models;
using Referrals.Messaging.Rendering;
using Xunit.Abstractions;

namespace Referrals.Messaging.Tests;

public sealed class SmsTemplateTests(ITestOutputHelper output) : IDisposable
{
    private readonly ServiceProvider _services = MessagingServices.Build(MessagingServices.SmtpSettings(25));

    private ITemplateRenderer Renderer => _services.GetRequiredService<ITemplateRenderer>();

    public static TheoryData<string> ShippedLanguages => new() { "sr-Latn", "sr-Cyrl", "de", "en" };

    [Theory]
    [MemberData(nameof(ShippedLanguages))]
    public void Every_sms_kind_renders_in_its_own_language_with_no_placeholder_left_and_at_most_four_segments(string language)
    {
        var rendered = SampleData.AllSms(SampleData.ContactFor(language)).Select(m => Renderer.RenderSms(m, language)).ToList();

        Assert.Equal(SmsKinds.All.Select(k => k.Name).ToHashSet(), rendered.Select(r => r.Kind).ToHashSet());
        foreach (var sms in rendered)
        {
            var (gsm7, units, segments) = SmsSegments.Estimate(sms.Text);
            output.WriteLine($"{language,-8} {sms.Kind,-24} {(gsm7 ? "GSM-7" : "UCS-2")} {units,4} units {segments} segment(s)");
            Assert.Equal(language, sms.Language);
            Assert.DoesNotContain("{{", sms.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("}}", sms.Text, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(sms.Text));
            // Serbian dates end in a period ("13. 12. 2026."): a template must not add a second one.
            Assert.DoesNotContain("..", sms.Text, StringComparison.Ordinal);
            Assert.InRange(segments, 1, 4);
        }
    }

    [Fact]
    public void English_and_german_sms_stay_in_gsm7_with_ascii_contact_details()
    {
        foreach (var language in new[] { "en", "de" })
        {
            foreach (var model in SampleData.AllSms(SampleData.MscLatinAscii, advisorName: "Jelena Petrovic"))
            {
                var text = Renderer.RenderSms(model, language).Text;
                Assert.True(SmsSegments.Estimate(text).Gsm7, $"{language} {model.Kind} is not GSM-7: {text}");
            }
        }
    }

    [Fact]
    public void Submission_confirmation_lists_the_checklist_of_the_language_used()
    {
        var checklist = _services.GetRequiredService<IChecklistProvider>().Get("de");

        var sms = Renderer.RenderSms(new SubmissionConfirmationSms(SampleData.Msc.Name, SampleData.ReturnDate), "de");

        Assert.Contains(checklist.BeforeReturnSummary, sms.Text, StringComparison.Ordinal);
        Assert.Contains("10.12.2026", sms.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Welcome_lists_the_steps_after_arrival()
    {
        var sms = Renderer.RenderSms(new WelcomeSms(SampleData.Msc), "sr-Latn");

        Assert.Contains("prijava u NSZ", sms.Text, StringComparison.Ordinal);
        Assert.Contains("zdravstveno osiguranje", sms.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Acknowledged_names_the_advisor_only_when_known()
    {
        var withAdvisor = Renderer.RenderSms(new AcknowledgedSms(SampleData.Msc, "Jelena Petrović"), "sr-Latn").Text;
        var withoutAdvisor = Renderer.RenderSms(new AcknowledgedSms(SampleData.Msc, null), "sr-Latn").Text;

        Assert.Contains("Savetnik: Jelena Petrović.", withAdvisor, StringComparison.Ordinal);
        Assert.DoesNotContain("Savetnik", withoutAdvisor, StringComparison.Ordinal);
        Assert.EndsWith("7:30–15:30.", withoutAdvisor, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rom")]
    [InlineData("fr")]
    [InlineData("not a tag")]
    [InlineData("")]
    public void A_language_without_templates_falls_back_to_serbian_latin(string language)
    {
        foreach (var model in SampleData.AllSms(SampleData.Msc))
        {
            var sms = Renderer.RenderSms(model, language);

            Assert.Equal("sr-Latn", sms.Language);
            Assert.Equal(Renderer.RenderSms(model, "sr-Latn").Text, sms.Text);
        }
    }

    [Fact]
    public void Language_tags_match_regardless_of_case()
    {
        Assert.Equal("sr-Cyrl", Renderer.RenderSms(new OptInConfirmationSms(), "SR-cyrl").Language);
    }

    [Fact]
    public void Dictionary_rendering_matches_the_typed_model()
    {
        var values = new Dictionary<string, string>
        {
            [Placeholders.MscName] = SampleData.Msc.Name,
            [Placeholders.MscPhone] = SampleData.Msc.Phone,
            [Placeholders.MscHours] = SampleData.Msc.Hours,
        };

        Assert.Equal(
            Renderer.RenderSms(new HelpReplySms(SampleData.Msc), "en").Text,
            Renderer.RenderSms(SmsKinds.HelpReply, "en", values).Text);
    }

    [Fact]
    public void A_missing_value_fails_naming_the_placeholder_and_kind()
    {
        var values = new Dictionary<string, string> { [Placeholders.MscName] = "x", [Placeholders.MscPhone] = "y" };

        var error = Assert.Throws<ArgumentException>(() => Renderer.RenderSms(SmsKinds.HelpReply, "en", values));

        Assert.Contains("'mscHours'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'helpReply'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_required_value_fails()
    {
        var values = new Dictionary<string, string> { [Placeholders.MscName] = " ", [Placeholders.MscPhone] = "y", [Placeholders.MscHours] = "z" };

        var error = Assert.Throws<ArgumentException>(() => Renderer.RenderSms(SmsKinds.HelpReply, "en", values));

        Assert.Contains("'mscName'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_value_name_fails_instead_of_being_ignored()
    {
        var values = new Dictionary<string, string> { ["mscPhoen"] = "y" };

        var error = Assert.Throws<ArgumentException>(() => Renderer.RenderSms(SmsKinds.OptOutConfirmation, "en", values));

        Assert.Contains("'mscPhoen'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_the_renderer_fills_cannot_be_passed_by_the_caller()
    {
        var values = new Dictionary<string, string>
        {
            [Placeholders.MscName] = "x", [Placeholders.ExpectedReturnDate] = "y", [Placeholders.Checklist] = "something else",
        };

        var error = Assert.Throws<ArgumentException>(() => Renderer.RenderSms(SmsKinds.SubmissionConfirmation, "en", values));

        Assert.Contains("'checklist'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_kind_fails_listing_the_known_kinds()
    {
        var error = Assert.Throws<ArgumentException>(() => Renderer.RenderSms("reminder", "en", new Dictionary<string, string>()));

        Assert.Contains(SmsKinds.Welcome, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_looks_like_a_placeholder_is_inserted_literally()
    {
        var sms = Renderer.RenderSms(new HelpReplySms(SampleData.Msc with { Name = "{{mscPhone}}" }), "en");

        Assert.StartsWith("{{mscPhone}}: phone", sms.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sr-Latn")]
    [InlineData("sr-Cyrl")]
    [InlineData("de")]
    [InlineData("en")]
    public void Every_shipped_language_has_a_complete_checklist(string language)
    {
        var checklist = _services.GetRequiredService<IChecklistProvider>().Get(language);

        Assert.Equal(language, checklist.Language);
        Assert.Equal(6, checklist.BeforeReturn.Count);
        Assert.Equal(4, checklist.OnArrival.Count);
    }

    [Fact]
    public void The_checklist_falls_back_like_the_sms()
    {
        Assert.Equal("sr-Latn", _services.GetRequiredService<IChecklistProvider>().Get("rom").Language);
    }

    public void Dispose() => _services.Dispose();
}
