using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hindsight.Application.Notifications;

/// <summary>
/// Posts notifications in the background, so that the request that raised one is answered at once: a bounded queue
/// and one sender, through the <see cref="WebhookNotifier"/> and its retries. Disposing it sends what is queued first.
/// </summary>
public sealed class NotificationSender : IAsyncDisposable
{
    private const int Capacity = 1_000;
    private readonly Channel<(Uri Webhook, string Text)> _queue = Channel.CreateBounded<(Uri, string)>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly WebhookNotifier _notifier;
    private readonly ILogger _logger;
    private readonly Task _sender;
    private long _delivered;
    private long _failed;

    /// <summary>Starts the sender.</summary>
    public NotificationSender(WebhookNotifier notifier, ILogger<NotificationSender>? logger = null)
    {
        _notifier = notifier ?? throw new ArgumentNullException(nameof(notifier));
        _logger = logger ?? NullLogger<NotificationSender>.Instance;
        _sender = Task.Run(SendAsync);
    }

    /// <summary>Notifications delivered so far.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Notifications that failed after their retries (they are logged).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Queues a notification; false when the queue is full (the notification is logged and dropped).</summary>
    public bool Enqueue(Uri webhook, string text)
    {
        if (_queue.Writer.TryWrite((webhook, text)))
        {
            return true;
        }

        _logger.LogWarning("notification queue full ({Capacity}); dropped a notification to {Host}", Capacity, webhook.Host);
        Interlocked.Increment(ref _failed);
        return false;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _sender.ConfigureAwait(false);
    }

    private async Task SendAsync()
    {
        await foreach (var (webhook, text) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                var (delivered, attempts, error) = await _notifier.PostAsync(webhook, text).ConfigureAwait(false);
                if (delivered)
                {
                    Interlocked.Increment(ref _delivered);
                }
                else
                {
                    Interlocked.Increment(ref _failed);
                    _logger.LogWarning("notification to {Host} failed after {Attempts} attempt(s): {Error}", webhook.Host, attempts, error);
                }
            }
#pragma warning disable CA1031 // the sender must outlive any one notification
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _failed);
                _logger.LogWarning(ex, "notification to {Host} failed", webhook.Host);
            }
        }
    }
}
