using Collaboration.Domain.Notifications;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Notifications.WebhookEndpointDecider,
    Collaboration.Domain.Notifications.WebhookEndpointState,
    Collaboration.Domain.Notifications.IWebhookCommand,
    Collaboration.Domain.Notifications.IWebhookEvent>;

namespace Collaboration.Domain.Tests.Notifications;

public sealed class WebhookEndpointSpec
{
    private static readonly Guid Webhook = Guid.Parse("0193a000-0000-7000-8000-000000000e01");
    private static readonly Guid Partner = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid FirstSecret = Guid.Parse("0193a000-0000-7000-8000-000000000f01");
    private static readonly Guid SecondSecret = Guid.Parse("0193a000-0000-7000-8000-000000000f02");
    private static readonly Uri Url = new("https://sicc.example/hooks/collaboration");
    private static readonly DateTimeOffset At = new(2024, 9, 25, 2, 0, 0, TimeSpan.Zero);

    private static WebhookEndpointRegistered Registered() => new(Webhook, Partner, Url, FirstSecret, At);

    [Fact]
    public void an_endpoint_is_registered_naming_its_secret_by_key_only() =>
        Spec.Given().When(new RegisterWebhookEndpoint(Webhook, Partner, Url, FirstSecret, At)).Then(Registered());

    [Fact]
    public void registering_the_same_endpoint_again_is_a_conflict() =>
        Spec.Given(Registered()).When(new RegisterWebhookEndpoint(Webhook, Partner, Url, SecondSecret, At)).ThenFails("notification.webhook-exists");

    [Fact]
    public void the_secret_is_rotated_to_a_new_key() =>
        Spec.Given(Registered()).When(new RotateWebhookSecret(Webhook, SecondSecret, At.AddDays(1))).Then(new WebhookSecretRotated(Webhook, SecondSecret, At.AddDays(1)));

    [Fact]
    public void a_disabled_endpoints_secret_is_not_rotated() =>
        Spec.Given(Registered(), new WebhookEndpointDisabled(Webhook, At)).When(new RotateWebhookSecret(Webhook, SecondSecret, At)).ThenFails("notification.webhook-disabled");

    [Fact]
    public void an_endpoint_is_disabled() =>
        Spec.Given(Registered()).When(new DisableWebhookEndpoint(Webhook, At.AddDays(2))).Then(new WebhookEndpointDisabled(Webhook, At.AddDays(2)));

    [Fact]
    public void disabling_twice_records_nothing() =>
        Spec.Given(Registered(), new WebhookEndpointDisabled(Webhook, At)).When(new DisableWebhookEndpoint(Webhook, At.AddDays(2))).Then();

    [Fact]
    public void the_state_keeps_the_current_key_and_when_it_changed()
    {
        var state = Spec.Given(Registered(), new WebhookSecretRotated(Webhook, SecondSecret, At.AddDays(1))).State;
        state.SecretKey.Should().Be(SecondSecret);
        state.RotatedAt.Should().Be(At.AddDays(1));
        state.Disabled.Should().BeFalse();
    }
}
