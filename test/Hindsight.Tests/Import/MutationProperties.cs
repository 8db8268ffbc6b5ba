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

    /// <summary>The YAML files a user writes: a risk register, a CSV column mapping, alert rules.</summary>
    public static TheoryData<string> YamlSamples => ["register", "mapping", "rules"];

    [Theory]
    [MemberData(nameof(YamlSamples))]
    public void EveryDamagedYamlFile_IsReadOrRefusedWithItsDocumentedError(string sample)
    {
        var text = sample switch
        {
            "register" => """
                risks:
                  - id: T-01
                    title: Model accuracy degrades
                    category: technical
                    probability: medium
                    impact: high
                    level: high
                    mitigations: [Retrain when accuracy falls, "Roll back: one click"]
                    status: implemented
                """,
            "mapping" => """
                name: tracker
                columns:
                  id: Key
                  title: Summary
                  started_at: Created
                list_separator: ","
                values:
                  severity: { Highest: SEV1, High: SEV2 }
                """,
            _ => """
                silence: 30m
                rules:
                  - name: error-rate
                    metric: http_errors
                    above: 0.05
                    for: 5m
                    severity: SEV2
                """,
        };
        var original = Encoding.UTF8.GetBytes(text);
        Prop.ForAll(Mutation.Arbitrary, mutations =>
            {
                var damaged = Encoding.UTF8.GetString(Mutation.ApplyAll(original, mutations));
                try
                {
                    switch (sample)
                    {
                        case "register":
                            var read = Hindsight.Import.RiskRegisterFile.Read(new StringReader(damaged), "register.yaml");
                            return read.Problems.All(p => p.Message.Length > 0);
                        case "mapping":
                            CsvMapping.Parse(damaged, "mapping.yaml");
                            return true;
                        default:
                            Hindsight.Alerts.AlertRulesFile.Read(new StringReader(damaged), "rules.yaml");
                            return true;
                    }
                }
                catch (FormatException ex)
                {
                    return ex.Message.Length > 0; // the mapping's documented error
                }
                catch (Hindsight.Errors.InputException ex)
                {
                    return ex.Message.Length > 0; // the rules' documented error
                }
            })
            .Check(Mutation.Config(Mutation.Cases(150)));
    }
}
