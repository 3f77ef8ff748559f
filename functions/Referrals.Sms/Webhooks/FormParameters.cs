using Microsoft.AspNetCore.Http;

namespace Referrals.Sms.Webhooks;

/// <summary>Form fields as the name/value pairs a Twilio signature covers.</summary>
public static class FormParameters
{
    public static IEnumerable<KeyValuePair<string, string>> ToSignedPairs(this IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.SelectMany(field => field.Value.Select(value => KeyValuePair.Create(field.Key, value ?? "")));
    }
}
