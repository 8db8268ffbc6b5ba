using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace Hindsight.Testing;

/// <summary>One damage done to an input: what, where (a fraction of its length) and a free parameter.</summary>
public sealed record Mutation(int Kind, double At, int Extra)
{
    private const int Kinds = 11;

    /// <summary>Cases per property: the environment's HINDSIGHT_PROPERTY_CASES, else <paramref name="ciCases"/>, a size that keeps CI short.</summary>
    public static int Cases(int ciCases) => int.TryParse(Environment.GetEnvironmentVariable("HINDSIGHT_PROPERTY_CASES"), out var n) && n > 0 ? n : ciCases;

    /// <summary>The fixed seed (HINDSIGHT_PROPERTY_SEED overrides it), so a failure in CI replays.</summary>
    public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("HINDSIGHT_PROPERTY_SEED"), out var s) ? s : 20261201UL;

    /// <summary>One to four mutations.</summary>
    public static Arbitrary<Mutation[]> Arbitrary { get; } =
        (from count in Gen.Choose(1, 4)
         from list in Gen.ArrayOf(
             from kind in Gen.Choose(0, Kinds - 1)
             from at in Gen.Choose(0, 10_000)
             from extra in Gen.Choose(0, 255)
             select new Mutation(kind, at / 10_000.0, extra), count)
         select list).ToArbitrary();

    /// <summary>A quiet run of <paramref name="cases"/> cases from the fixed seed that throws on the first failure.</summary>
    public static Config Config(int cases) =>
        FsCheck.Config.QuickThrowOnFailure.WithQuietOnSuccess(true).WithMaxTest(cases)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed, 1442695040888963407UL), FSharpOption<int>.None)));

    /// <summary>The input after every mutation in turn.</summary>
    public static byte[] ApplyAll(byte[] input, IEnumerable<Mutation> mutations) => mutations.Aggregate(input, (bytes, m) => m.Apply(bytes));

    /// <summary>The input after this mutation.</summary>
    public byte[] Apply(byte[] input)
    {
        var at = (int)(At * input.Length);
        byte[] Insert(byte[] what) => [.. input.AsSpan(0, at), .. what, .. input.AsSpan(at)];
        return Kind switch
        {
            0 => input[..at], // truncated
            1 when input.Length > 0 => Flip(input, Math.Min(at, input.Length - 1), (byte)(1 << (Extra % 8))),
            2 => Insert("\""u8.ToArray()), // a stray quote
            3 => Insert(Encoding.UTF8.GetBytes(new string('[', 500 + (Extra * 40)) + new string('{', Extra))), // deep nesting
            4 => Insert(Encoding.UTF8.GetBytes(new string('x', 70_000 + (Extra * 1_000)))), // a huge field
            5 => [0xEF, 0xBB, 0xBF, .. input], // a BOM
            6 => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(input).Replace("\n", "\r\n", StringComparison.Ordinal)), // CRLF
            7 => Insert([0]), // a NUL
            8 => [.. input.AsSpan(0, at), .. input.AsSpan(Math.Min(input.Length, at + 1 + Extra))], // a piece cut out
            9 => Insert(input.AsSpan(at, Math.Min(Extra + 1, input.Length - at)).ToArray()), // a piece repeated
            10 => Insert([(byte)(0x80 | Extra)]), // invalid UTF-8
            _ => input,
        };
    }

    private static byte[] Flip(byte[] input, int at, byte mask)
    {
        var copy = (byte[])input.Clone();
        copy[at] ^= mask;
        return copy;
    }
}
