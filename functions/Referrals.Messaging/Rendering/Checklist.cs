namespace Referrals.Messaging.Rendering;

/// <summary>The pre-return checklist in one language: what to bring, and what to do after arrival.</summary>
public sealed record Checklist(string Language, IReadOnlyList<ChecklistItem> BeforeReturn, IReadOnlyList<ChecklistItem> OnArrival)
{
    /// <summary>The short labels of <see cref="BeforeReturn"/>, joined for an SMS.</summary>
    public string BeforeReturnSummary => string.Join(", ", BeforeReturn.Select(i => i.Short));

    /// <summary>The short labels of <see cref="OnArrival"/>, joined for an SMS.</summary>
    public string OnArrivalSummary => string.Join(", ", OnArrival.Select(i => i.Short));
}

/// <summary>One checklist entry: a few words for an SMS and the full explanation for the scout's conversation.</summary>
public sealed record ChecklistItem(string Short, string Detail);

/// <summary>The pre-return checklist per language (coordinator-editable like the templates).</summary>
public interface IChecklistProvider
{
    /// <summary>The checklist in <paramref name="languageTag"/>, or in the SMS fallback language when there is none.</summary>
    Checklist Get(string languageTag);
}
