using System.Text.Json;
using System.Text.Json.Serialization;

namespace Referrals.Domain.Directory;

/// <summary>Reads the municipality and MSC files and checks them against each other.</summary>
public static class ReferenceDataLoader
{
    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>
    /// Loads both files. Throws <see cref="FileNotFoundException"/> for a missing file and
    /// <see cref="InvalidDataException"/> naming the file and every problem found in it.
    /// </summary>
    public static ReferenceData Load(ReferenceDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var municipalitiesPath = Resolve(options.MunicipalitiesPath);
        var mscsPath = Resolve(options.MscsPath);

        var municipalityFile = Read<MunicipalityFile>(municipalitiesPath, nameof(options.MunicipalitiesPath));
        var mscFile = Read<MscFile>(mscsPath, nameof(options.MscsPath));

        var municipalities = Checked(municipalitiesPath, () => new MunicipalityDirectory(
            municipalityFile.Municipalities.Select(m =>
                new Municipality(m.Code, m.NameLatin.Trim(), m.NameCyrillic.Trim(), m.District, m.Parent))));
        var mscs = Checked(mscsPath, () => new MscDirectory(
            mscFile.Centres.Select(c => new MigrationServiceCentre(
                c.Id, c.Name, c.City, c.Address, c.Phone, c.Email, new MscHead(c.Head.Name, c.Head.Email), c.Hours,
                c.Municipalities)),
            municipalities));

        return new ReferenceData(municipalities, mscs, mscFile.Sample);
    }

    private static string Resolve(string path) => Path.GetFullPath(path, AppContext.BaseDirectory);

    private static T Read<T>(string path, string setting)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Reference data file '{path}' (setting {ReferenceDataOptions.SectionName}:{setting}) does not exist.", path);
        }

        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<T>(stream, FileJson)
                ?? throw new InvalidDataException($"Reference data file '{path}' is empty.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException(
                $"Reference data file '{path}' is not valid: {error.Message}", error);
        }
    }

    private static T Checked<T>(string path, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (InvalidDataException error)
        {
            throw new InvalidDataException($"{error.Message} (file '{path}')", error);
        }
    }

    // File shapes: every constructor parameter without a default is required and non-null unless marked nullable,
    // so a missing field is a load error that names it.
    private sealed record MunicipalityFile(IReadOnlyList<MunicipalityEntry> Municipalities, string? Description = null);

    private sealed record MunicipalityEntry(
        string Code,
        string NameLatin,
        string NameCyrillic,
        string District,
        string? Parent = null);

    private sealed record MscFile(bool Sample, IReadOnlyList<MscEntry> Centres, string? Description = null);

    private sealed record MscEntry(
        string Id,
        string Name,
        string City,
        string Address,
        string Phone,
        string Email,
        MscHeadEntry Head,
        string Hours,
        IReadOnlyList<string> Municipalities);

    private sealed record MscHeadEntry(string Name, string Email);
}
