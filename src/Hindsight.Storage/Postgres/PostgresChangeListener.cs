using Npgsql;

namespace Hindsight.Storage.Postgres;

/// <summary>
/// Listens on <c>hindsight_changes</c>, which every commit notifies, on a connection of its own, opened on first use and
/// opened again after it fails: a lost connection only makes the caller fall back to polling.
/// </summary>
internal sealed class PostgresChangeListener(NpgsqlDataSource source) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;
    private volatile bool _notified;

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            if (_notified)
            {
                _notified = false;
                return;
            }

            if (timeout <= TimeSpan.Zero)
            {
                return; // only to be listening from now on
            }

            await connection.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            _notified = false;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
        {
            await DropAsync().ConfigureAwait(false);
            await Task.Delay(timeout, cancellationToken).ConfigureAwait(false); // the server is away: poll
        }
    }

    public ValueTask DisposeAsync() => DropAsync();

    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { State: System.Data.ConnectionState.Open } open)
        {
            return open;
        }

        await DropAsync().ConfigureAwait(false);
        var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        connection.Notification += (_, _) => _notified = true;
        await using (var listen = new NpgsqlCommand("LISTEN hindsight_changes", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        _connection = connection;
        return connection;
    }

    private async ValueTask DropAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
