using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>Sends e-mails through the configured SMTP server with MailKit; the delivery id becomes the Message-Id.</summary>
public sealed class SmtpMailer(IOptions<NotificationOptions> options)
{
    public bool IsConfigured => options.Value.Smtp.IsConfigured;

    public async Task SendAsync(Guid delivery, string to, EmailText text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var smtp = options.Value.Smtp;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.SenderName, smtp.Sender!));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = text.Subject;
        // The same delivery always carries the same Message-Id, so a mail sent twice after a crash is recognisably one.
        message.MessageId = $"{delivery:N}@collaboration.notifications";
        message.Headers.Add("X-Collaboration-Delivery", delivery.ToString());
        message.Body = new TextPart("plain") { Text = text.Body };

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
