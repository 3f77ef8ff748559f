using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referrals.Messaging.Models;
using Referrals.Messaging.Rendering;

namespace Referrals.Messaging.Tests;

/// <summary>Loading templates from the shipped folder and a coordinator's override folder, and refusing bad ones.</summary>
public sealed class TemplateCatalogTests : IDisposable
{
    private readonly string _overrides = Directory.CreateTempSubdirectory("referrals-templates-").FullName;

    private static string Shipped => Path.Combine(AppContext.BaseDirectory, "Templates");

    private void Override(string relativePath, string content)
    {
        var path = Path.Combine(_overrides, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private IReadOnlyList<string> Problems(MessagingTemplateOptions? options = null) =>
        TemplateCatalog.TryLoad(options ?? new MessagingTemplateOptions { Directory = Shipped, OverrideDirectory = _overrides }).Problems;

    [Fact]
    public void The_shipped_templates_load_without_problems()
    {
        Assert.Empty(Problems());
    }

    [Fact]
    public void Every_kind_ships_in_serbian_latin_and_english_and_every_sms_kind_in_all_four_languages()
    {
        var catalog = TemplateCatalog.Load(new MessagingTemplateOptions { Directory = Shipped });

        foreach (var kind in EmailKinds.All)
        {
            Assert.All(new[] { "sr-Latn", "en" }, l => Assert.Contains((kind.Name, l), catalog.EmailTemplates));
        }

        foreach (var kind in SmsKinds.All)
        {
            Assert.All(new[] { "sr-Latn", "sr-Cyrl", "de", "en" }, l => Assert.Contains((kind.Name, l), catalog.SmsTemplates));
        }
    }

    [Fact]
    public void An_override_file_replaces_the_shipped_template_without_a_release()
    {
        Override("sms/helpReply.en.txt", "Call {{mscName}} on {{mscPhone}} ({{mscHours}}).\n");
        var renderer = Renderer();

        var sms = renderer.RenderSms(new HelpReplySms(SampleData.MscLatinAscii), "en");

        Assert.Equal("Call NES Migration Service Centre Nis on +381 18 555 0101 (Mon-Fri 7:30-15:30).", sms.Text);
        Assert.NotEqual(sms.Text, renderer.RenderSms(new HelpReplySms(SampleData.MscLatinAscii), "de").Text);
    }

    [Fact]
    public void An_override_can_add_a_romani_translation_with_its_checklist()
    {
        Override("sms/optInConfirmation.rom.txt", "Test text for rom.\n");

        Assert.Equal("rom", Renderer().RenderSms(new OptInConfirmationSms(), "rom").Language);
    }

    [Fact]
    public void An_sms_that_uses_the_checklist_needs_a_checklist_in_its_language()
    {
        Override("sms/welcome.rom.txt", "{{arrivalSteps}} {{mscName}} {{mscAddress}} {{mscPhone}}");

        Assert.Contains(Problems(), p => p.Contains("checklist/rom.json", StringComparison.Ordinal) && p.Contains("welcome", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sms/helpReply.en.txt", "Call {{mscPhone}} or {{phone}}", "unknown placeholder '{{phone}}'")]
    [InlineData("sms/acknowledged.en.txt", "Ask {{advisorName}} at {{mscName}}", "'advisorName' is optional")]
    [InlineData("sms/helpReply.en.txt", "Call {{ mscPhone }}", "Malformed placeholder at line 1")]
    [InlineData("sms/helpReply.en.txt", "Call {{mscPhone}\n", "Malformed placeholder")]
    [InlineData("sms/acknowledged.en.txt", "{{#advisorName}}Ask {{advisorName}}", "not closed")]
    [InlineData("sms/helpReply.en.txt", "{{#mscPhone}}x{{/mscPhone}}", "must name an optional value or a list")]
    [InlineData("sms/helpReply.en.txt", "", "the template is empty")]
    [InlineData("sms/helpRepyl.en.txt", "x", "unknown kind 'helpRepyl'")]
    [InlineData("sms/helpReply.en_GB.txt", "x", "is not a language tag")]
    [InlineData("sms/helpReply.txt", "x", "is not a language tag")]
    [InlineData("templates.json", "{}", "not a template file")]
    [InlineData("email/newReferral.de.subject.txt", "Neue Überweisung {{initials}}", "missing the html and text part")]
    [InlineData("email/newReferral.en.subject.txt", "New\nreferral", "a subject is one line")]
    [InlineData("email/newReferral.en.html", "<p>{{fullName}}</p>", "unknown placeholder '{{fullName}}'")]
    [InlineData("email/dailyDigest.en.txt", "{{initials}}", "unknown placeholder '{{initials}}'")]
    [InlineData("email/dailyDigest.en.txt", "{{dueItems}}", "'dueItems' is a list")]
    [InlineData("email/routingRequest.en.txt", "{{mscName}}", "unknown placeholder '{{mscName}}'")]
    [InlineData("email/routingRequest.en.txt", "Late since {{overdueSince}}", "'overdueSince' is optional")]
    [InlineData("email/firstContactEscalation.en.html", "<p>{{notes}}</p>", "unknown placeholder '{{notes}}'")]
    [InlineData("checklist/en.json", "{\"beforeReturn\":[]}", "needs non-empty")]
    [InlineData("labels/en.json", "{\"format.date\":\"%\"}", "'format.date' is not a valid date format")]
    public void A_bad_override_fails_the_load_naming_the_file_and_problem(string file, string content, string expected)
    {
        Override(file, content);

        var problem = Assert.Single(Problems());

        Assert.Contains(file.Split('/')[0] == "templates.json" ? file : Path.GetFileNameWithoutExtension(file).Split('.')[0], problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_missing_in_the_fallback_language_fails_the_load()
    {
        var copy = Directory.CreateTempSubdirectory("referrals-shipped-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(Shipped, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(Shipped, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            File.Delete(Path.Combine(copy, "sms", "welcome.sr-Latn.txt"));

            var problem = Assert.Single(Problems(new MessagingTemplateOptions { Directory = copy }));
            Assert.Contains("sms/welcome.sr-Latn.txt: required, because sr-Latn is the SMS fallback language", problem, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void A_fallback_language_without_templates_fails_the_load()
    {
        var problems = Problems(new MessagingTemplateOptions { Directory = Shipped, SmsFallbackLanguage = "rom" });

        Assert.Equal(SmsKinds.All.Count + 1, problems.Count); // every kind, and the labels of the fallback language
        Assert.Contains(problems, p => p.StartsWith("labels/rom.json", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_override_folder_is_reported_with_its_setting()
    {
        var problem = Assert.Single(Problems(new MessagingTemplateOptions { Directory = Shipped, OverrideDirectory = Path.Combine(_overrides, "missing") }));

        Assert.Contains("Messaging:Templates:OverrideDirectory", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_override_stops_the_start_up()
    {
        Override("sms/helpReply.en.txt", "{{mscPhonee}}");
        using var services = MessagingServices.Build(new Dictionary<string, string?>(MessagingServices.SmtpSettings(25))
        {
            ["Messaging:Templates:OverrideDirectory"] = _overrides,
        });

        var error = Assert.Throws<OptionsValidationException>(() => MessagingServices.ValidateStartup(services));

        Assert.Contains("sms/helpReply.en.txt: unknown placeholder '{{mscPhonee}}'", error.Message, StringComparison.Ordinal);
    }

    private ITemplateRenderer Renderer()
    {
        var services = MessagingServices.Build(new Dictionary<string, string?>(MessagingServices.SmtpSettings(25))
        {
            ["Messaging:Templates:OverrideDirectory"] = _overrides,
        });
        _disposables.Add(services);
        MessagingServices.ValidateStartup(services);
        return services.GetRequiredService<ITemplateRenderer>();
    }

    private readonly List<IDisposable> _disposables = [];

    public void Dispose()
    {
        _disposables.ForEach(d => d.Dispose());
        Directory.Delete(_overrides, recursive: true);
    }
}
