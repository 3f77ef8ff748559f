namespace Referrals.Domain.Directory;

/// <summary>
/// A Serbian local self-government unit (city or municipality), or a city municipality of Belgrade.
/// </summary>
/// <param name="Code">Stable ASCII slug of the Latin name ("nis", "beograd-zemun"); not an official statistical code.</param>
/// <param name="District">The administrative district (okrug) in Serbian Latin, "Grad Beograd" for Belgrade.</param>
/// <param name="Parent">The code of the city a city municipality belongs to ("beograd"), otherwise null.</param>
public sealed record Municipality(string Code, string NameLatin, string NameCyrillic, string District, string? Parent);
