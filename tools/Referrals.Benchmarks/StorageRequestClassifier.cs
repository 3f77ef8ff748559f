using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Referrals.Benchmarks;

/// <summary>
/// Names a storage request from its method, path, query and (for a table batch) body: the Durable Task provider's
/// task hub resources by role (History, Instances and Partitions tables, control and work-item queues, lease
/// blobs), everything else by its own name, as the app's.
/// </summary>
internal static partial class StorageRequestClassifier
{
    public static StorageOperation Classify(StorageService service, string method, string rawTarget, IHeaderDictionary headers,
        byte[]? body, string hubName)
    {
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(queryStart < 0 ? rawTarget : rawTarget[..queryStart]);
        var query = queryStart < 0 ? QueryString.Empty : new QueryString(rawTarget[queryStart..]);
        var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query.Value);
        // The first segment is the account.
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        var comp = parameters.TryGetValue("comp", out var c) ? c.ToString() : null;
        method = method.ToUpperInvariant();

        return service switch
        {
            StorageService.Table => Table(method, segments, body, hubName),
            StorageService.Queue => Queue(method, segments, comp, parameters.ContainsKey("peekonly"), hubName),
            _ => Blob(method, segments, comp, parameters.ContainsKey("restype"), headers["x-ms-lease-action"].ToString(), hubName),
        };
    }

    private static StorageOperation Table(string method, string[] segments, byte[]? body, string hubName)
    {
        if (segments.Length == 0)
        {
            return new(StorageService.Table, "(account)", method);
        }

        var first = segments[0];
        if (first == "$batch")
        {
            var table = body is null ? null : BatchTable().Match(Encoding.UTF8.GetString(body)) is { Success: true } match
                ? match.Groups["table"].Value : null;
            return new(StorageService.Table, table is null ? "(batch)" : TableTarget(table, hubName), "batch");
        }

        var paren = first.IndexOf('(', StringComparison.Ordinal);
        var name = paren < 0 ? first : first[..paren];
        if (name == "Tables")
        {
            return new(StorageService.Table, "(tables)", method switch { "POST" => "create table", "GET" => "query tables", _ => method + " table" });
        }

        var collection = paren < 0 || first.EndsWith("()", StringComparison.Ordinal);
        var operation = (method, collection) switch
        {
            ("GET", true) => "query",
            ("POST", true) => "insert",
            ("GET", false) => "get entity",
            ("PUT", false) => "update/upsert entity (PUT)",
            ("MERGE" or "PATCH", false) => "merge entity",
            ("DELETE", false) => "delete entity",
            _ => method,
        };
        return new(StorageService.Table, TableTarget(name, hubName), operation);
    }

    private static StorageOperation Queue(string method, string[] segments, string? comp, bool peek, string hubName)
    {
        if (segments.Length == 0)
        {
            return new(StorageService.Queue, "(account)", comp is null ? method : $"{method} {comp}");
        }

        var target = QueueTarget(segments[0], hubName);
        var operation = (segments.Length, method) switch
        {
            (1, "PUT") when comp is null => "create queue",
            (1, "DELETE") => "delete queue",
            (1, _) => comp is null ? method : $"{method} {comp}",
            (2, "GET") => peek ? "peek" : "dequeue",
            (2, "POST") => "enqueue",
            (2, "DELETE") => "clear",
            (3, "DELETE") => "delete message",
            (3, "PUT") => "update message",
            _ => method,
        };
        return new(StorageService.Queue, target, operation);
    }

    private static StorageOperation Blob(string method, string[] segments, string? comp, bool restype, string leaseAction,
        string hubName)
    {
        if (segments.Length == 0)
        {
            return new(StorageService.Blob, "(account)", comp is null ? method : $"{method} {comp}");
        }

        var target = ContainerTarget(segments[0], hubName);
        var onContainer = segments.Length == 1 && restype;
        var operation = comp switch
        {
            "lease" => $"{(onContainer ? "container " : "")}lease {leaseAction}",
            "list" => "list blobs",
            null when onContainer => method switch { "PUT" => "create container", "DELETE" => "delete container", _ => "container properties" },
            null => method switch { "GET" => "get blob", "HEAD" => "blob properties", "PUT" => "put blob", "DELETE" => "delete blob", _ => method },
            _ => $"{method} {comp}",
        };
        return new(StorageService.Blob, target, operation);
    }

    private static string TableTarget(string table, string hubName)
    {
        if (hubName.Length > 0 && table.StartsWith(hubName, StringComparison.OrdinalIgnoreCase))
        {
            var role = table[hubName.Length..];
            if (role is "History" or "Instances" or "Partitions")
            {
                return $"hub {role}";
            }
        }

        return $"app {table}";
    }

    private static string QueueTarget(string queue, string hubName)
    {
        var hub = hubName.ToLowerInvariant();
        if (hub.Length > 0 && queue.StartsWith(hub + "-control-", StringComparison.Ordinal))
        {
            return "hub control queues";
        }

        return hub.Length > 0 && queue == hub + "-workitems" ? "hub work-item queue" : $"app {queue}";
    }

    private static string ContainerTarget(string container, string hubName)
    {
        var hub = hubName.ToLowerInvariant();
        if (hub.Length > 0 && container.StartsWith(hub + "-", StringComparison.Ordinal))
        {
            return $"hub {container[(hub.Length + 1)..]} blobs";
        }

        return $"app {container}";
    }

    // A batch's parts are "METHOD http://host/account/Table(...) HTTP/1.1"; all of one batch share a table.
    [GeneratedRegex(@"^(?:POST|PUT|MERGE|PATCH|DELETE|GET) \S+?/(?<table>[A-Za-z][A-Za-z0-9]*)[(\s?]", RegexOptions.Multiline)]
    private static partial Regex BatchTable();
}
