using Microsoft.Extensions.Options;

namespace Referrals.Domain.Directory;

/// <summary>
/// Loads the reference data as part of options validation, so that with <c>ValidateOnStart</c> a broken or missing
/// file stops start-up with the problem named, before any request is served.
/// </summary>
internal sealed class ReferenceDataOptionsValidator : IValidateOptions<ReferenceDataOptions>
{
    public ValidateOptionsResult Validate(string? name, ReferenceDataOptions options)
    {
        try
        {
            // Loaded again for the singleton afterwards: two small files, read once more at start-up, keep the
            // validator free of a dependency on the options it validates.
            ReferenceDataLoader.Load(options);
            return ValidateOptionsResult.Success;
        }
        catch (Exception error) when (error is InvalidDataException or FileNotFoundException or IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail(error.Message);
        }
    }
}
