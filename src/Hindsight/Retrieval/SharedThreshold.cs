namespace Hindsight.Retrieval;

/// <summary>The best k-th score any range of a parallel search has reached: a score every range may prune below.</summary>
internal sealed class SharedThreshold
{
    private int _bits;

    public float Value => BitConverter.Int32BitsToSingle(Volatile.Read(ref _bits));

    /// <summary>Raises the threshold to <paramref name="score"/> if that is higher (lock-free).</summary>
    public void Raise(float score)
    {
        var seen = Volatile.Read(ref _bits);
        while (score > BitConverter.Int32BitsToSingle(seen))
        {
            var previous = Interlocked.CompareExchange(ref _bits, BitConverter.SingleToInt32Bits(score), seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
