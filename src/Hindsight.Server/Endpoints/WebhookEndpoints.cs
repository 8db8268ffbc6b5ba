using Hindsight.Application.Access;
using Hindsight.Intake;
using Hindsight.Server.Access;

namespace Hindsight.Server.Endpoints;

/// <summary>
/// Intake from the tools teams page with: each delivery updates one incident idempotently, and a new incident is
/// answered with what the history says about it. Authenticated by a write key in the Authorization header; PagerDuty
/// deliveries are also checked against the organisation's signing secret when one is set.
/// </summary>
internal static class WebhookEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var webhooks = v1.MapGroup("/webhooks").WithTags("Webhooks");
        foreach (var tool in Webhooks.Tools)
        {
            webhooks.MapPost("/" + tool, async (HttpContext http, CancellationToken ct) =>
            {
                var body = await http.BodyAsync();
                var signature = http.Request.Headers["X-PagerDuty-Signature"].ToString();
                return TypedResults.Ok(await http.Workspace().Intake.WebhookAsync(tool, body, signature.Length == 0 ? null : signature, http.RequestAborted));
            }).Requires(KeyScope.Write).WithSummary($"A {tool} webhook delivery").Accepts<object>("application/json");
        }
    }
}
