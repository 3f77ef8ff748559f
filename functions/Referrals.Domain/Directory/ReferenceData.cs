namespace Referrals.Domain.Directory;

/// <summary>The loaded and cross-checked municipality list and MSC directory.</summary>
/// <param name="IsSample">True when the MSC file is marked as sample data with fictional contacts.</param>
public sealed record ReferenceData(MunicipalityDirectory Municipalities, MscDirectory Mscs, bool IsSample);
