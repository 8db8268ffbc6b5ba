namespace Hindsight.Import;

/// <summary>Reads records of one input format from a stream.</summary>
public interface IRecordFormat
{
    /// <summary>Reads every record of the input in order, valid or not; never throws for bad input.</summary>
    /// <param name="input">The input bytes.</param>
    /// <param name="limits">Size limits that keep a hostile file from exhausting memory.</param>
    IEnumerable<ParsedRecord> Read(Stream input, ImportLimits limits);
}
