namespace Referrals.Messaging.Email;

/// <summary>Which service sends email.</summary>
public enum EmailProvider
{
    Smtp,
    SendGrid,
}

/// <summary>How the SMTP connection is secured (MailKit's SecureSocketOptions, named for configuration).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text; only for a local catcher such as MailDev.</summary>
    None,

    /// <summary>Connect in plain text, then require STARTTLS.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,

    /// <summary>TLS on connect for port 465, otherwise STARTTLS when the server offers it.</summary>
    Auto,
}

/// <summary>Email sending (section <c>Email</c>); only the chosen provider's sub-section is required.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailProvider? Provider { get; set; }

    public string? FromAddress { get; set; }

    public string? FromName { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public SendGridOptions SendGrid { get; set; } = new();
}

/// <summary>Section <c>Email:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>With <see cref="Password"/>; leave both empty for a server that needs no authentication.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>For the connection and each command.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Section <c>Email:SendGrid</c>.</summary>
public sealed class SendGridOptions
{
    public string? ApiKey { get; set; }

    /// <summary>The API base address; configurable so tests and regional data residency can point elsewhere.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.sendgrid.com");

    public int TimeoutSeconds { get; set; } = 30;
}
