using Microsoft.Extensions.Options;

namespace Referrals.Messaging.Rendering;

/// <summary>Loads the templates at start-up, so an invalid template (or override) stops the process with every problem listed.</summary>
internal sealed class TemplateOptionsValidator : IValidateOptions<MessagingTemplateOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingTemplateOptions options)
    {
        var (_, problems) = TemplateCatalog.TryLoad(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
