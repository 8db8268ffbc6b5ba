using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Hindsight.Import;
using Hindsight.Testing;
using Hindsight.Validation;

namespace Hindsight.Tests.Import;

/// <summary>
/// Damaged copies of valid inputs of every format — truncated, flipped bytes, stray quotes, deep nesting, huge fields,
/// BOMs, CRLF, NULs — always read to an end: every record valid or rejected with a reason, never an exception. The
/// case count is CI-sized by default; set HINDSIGHT_PROPERTY_CASES (and HINDSIGHT_PROPERTY_SEED) for more.
/// </summary>
public sealed class MutationProperties
{
    /// <summary>Valid inputs of every format the importers read.</summary>
    public static TheoryData<string> Samples => [.. MutationSamples.All.Keys];

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryDamagedInput_EndsWithAResult_NeverAnException(string sample)
    {
        var (format, text) = MutationSamples.All[sample];
        var original = Encoding.UTF8.GetBytes(text);
        Prop.ForAll(Mutation.Arbitrary, mutations =>
            {
                var bytes = Mutation.ApplyAll(original, mutations);
                var records = format().Read(new MemoryStream(bytes), ImportLimits.Default with { MaxRecordBytes = 256 * 1024 }).ToList();
                return records.All(r => r.IsValid
                    ? RecordValidator.Validate(r.Record!).Count == 0
                    : r.Record is null && r.Errors.Count > 0 && r.Errors.All(e => e.Message.Length > 0));
            })
            .Check(Mutation.Config(Mutation.Cases(150)));
    }
}
