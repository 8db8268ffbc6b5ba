using System.Reflection;
using Hindsight.Storage;

namespace Hindsight.Application.Tests.Retrieval;

/// <summary>A store that passes every call to another and counts the calls to <see cref="IHistoryStore.CountAsync"/>.</summary>
public class CountingStore : DispatchProxy
{
    private IHistoryStore _inner = null!;

    /// <summary>How many times the store's records were counted.</summary>
    public int Counts { get; private set; }

    /// <summary>A store over <paramref name="inner"/> that counts its counts.</summary>
    public static (IHistoryStore Store, CountingStore Calls) Over(IHistoryStore inner)
    {
        var store = Create<IHistoryStore, CountingStore>();
        var calls = (CountingStore)(object)store;
        calls._inner = inner;
        return (store, calls);
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        Counts += targetMethod.Name == nameof(IHistoryStore.CountAsync) ? 1 : 0;
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}
