using Microsoft.Extensions.Logging;

namespace Referrals.Domain.Directory;

internal static partial class ReferenceDataLog
{
    [LoggerMessage(1, LogLevel.Information, "Reference data loaded: {MunicipalityCount} municipalities, {CentreCount} Migration Service Centres")]
    public static partial void Loaded(ILogger logger, int municipalityCount, int centreCount);

    [LoggerMessage(2, LogLevel.Warning, "The MSC directory is SAMPLE data with fictional contacts; configure ReferenceData:MscsPath with the real directory before production use")]
    public static partial void SampleDirectory(ILogger logger);
}
