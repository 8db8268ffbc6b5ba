using System.Text;
using Hindsight.Import;

namespace Hindsight.Tests.Import;

internal static class ImportTestKit
{
    public static List<ParsedRecord> Read(IRecordFormat format, string text, ImportLimits? limits = null) =>
        format.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), limits ?? ImportLimits.Default).ToList();
}
