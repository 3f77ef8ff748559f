using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.App.Referrals;
using Referrals.App.Referrals.Sms;
using Referrals.Domain.Lifecycle;
using Referrals.Sms.Webhooks;
using Referrals.Workflow;

namespace Referrals.Functions.Http;

/// <summary>Twilio's status callbacks and inbound messages; the signature is checked before anything changes.</summary>
public sealed class TwilioWebhookFunctions(
    TwilioWebhookReader reader,
    ReturneePhoneIndex phones,
    IWorkflowClient<ReferralState, ReferralCommand> referrals,
    IOptions<NotificationOptions> options,
    ILoggerFactory loggers)
{
    [Function("TwilioStatusCallback")]
    public Task<IResult> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/twilio/status")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        HttpFunction.RunAsync(request, durable, () => TwilioWebhookEndpoints.ReceiveStatusAsync(request, reader, referrals, loggers,
            cancellationToken));

    [Function("TwilioInbound")]
    public Task<IResult> InboundAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/twilio/inbound")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        HttpFunction.RunAsync(request, durable, () => TwilioWebhookEndpoints.ReceiveMessageAsync(request, reader, phones, referrals,
            options, loggers, cancellationToken));
}
