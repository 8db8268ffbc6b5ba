using System.Net;

namespace Hindsight.Testing;

/// <summary>A local HTTP endpoint that records what is posted to it and answers with the given status codes in turn.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<int> _answers;
    private readonly Task _loop;

    public WebhookReceiver(params int[] answers)
    {
        _answers = new Queue<int>(answers);
        Url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/hook/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>The bodies received, in order (failed answers included).</summary>
    public List<string> Bodies { get; } = [];

    /// <summary>A URL where nothing listens (connections are refused).</summary>
    public static Uri DeadUrl() => new($"http://127.0.0.1:{LoopbackPort.Free()}/hook/");

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // the listener was closed under a pending accept
        }
    }


    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var body = await reader.ReadToEndAsync();
                lock (Bodies)
                {
                    Bodies.Add(body);
                }
            }

            context.Response.StatusCode = _answers.Count > 0 ? _answers.Dequeue() : 200;
            context.Response.Close();
        }
    }
}
