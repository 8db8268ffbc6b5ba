using System.Runtime.InteropServices;
using Hindsight.Text;

namespace Hindsight.Retrieval;

/// <summary>Collects the analysed terms (those the index knows), signatures and n-gram sketch of a query into buffers.</summary>
internal struct AnalysisSink : ITokenSink
{
    public PostingIndex Words;
    public PostingIndex Signatures;
    public int Weight;
    public bool Sketching;
    public int Length;
    public Dictionary<int, int> Frequencies;
    public List<int> SignatureIds;
    public uint[] Sketch;

    public void Term(ReadOnlySpan<char> term)
    {
        var id = Words.Find(term);
        Length += Weight;
        if (id >= 0)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(Frequencies, id, out _) += Weight;
        }

        if (Sketching)
        {
            MinHash.AddTrigrams(Sketch, term);
        }
    }

    public void Signature(ReadOnlySpan<char> signature)
    {
        var id = Signatures.Find(signature);
        if (id >= 0 && !SignatureIds.Contains(id))
        {
            SignatureIds.Add(id);
        }
    }
}
