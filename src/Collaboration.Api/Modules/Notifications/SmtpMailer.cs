using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>
/// Sends e-mails through the configured SMTP server with MailKit; the delivery id becomes the Message-Id. One
/// connection carries every mail of a delivery round (a connection per mail holds e-mail to the server's connection
/// rate): <see cref="NotificationDelivery"/> sends one mail at a time and calls <see cref="CloseAsync"/> at the end of
/// each round, so no connection idles until the server drops it. A failed send closes the connection; the next mail
/// opens a new one.
/// </summary>
public sealed class SmtpMailer(IOptions<NotificationOptions> options) : IAsyncDisposable
{
    private SmtpClient? client;

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

        try
        {
            if (client is not { IsConnected: true })
            {
                await CloseAsync();
                client = new SmtpClient();
                await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, ct);
                if (!string.IsNullOrEmpty(smtp.UserName))
                {
                    await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, ct);
                }
            }

            await client.SendAsync(message, ct);
        }
        catch
        {
            await CloseAsync();
            throw;
        }
    }

    /// <summary>Ends the round's connection (QUIT), if one is open.</summary>
    public async Task CloseAsync()
    {
        if (client is null)
        {
            return;
        }

        var closing = client;
        client = null;
        try
        {
            if (closing.IsConnected)
            {
                await closing.DisconnectAsync(quit: true);
            }
        }
#pragma warning disable CA1031 // A connection that cannot even say QUIT is gone already; the mail it carried was sent or stays in the outbox.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            closing.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await CloseAsync();
}
