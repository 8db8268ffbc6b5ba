using System.Runtime.InteropServices;
using Hindsight.Text;

namespace Hindsight.Retrieval;

/// <summary>Collects the analysed terms, signatures and n-gram sketch of one incident or query into reusable buffers.</summary>
internal struct AnalysisSink : ITokenSink
{
    public PostingIndex Words;
    public PostingIndex Signatures;
    public bool Intern;
    public int Weight;
    public bool Sketching;
    public int Length;
    public Dictionary<int, int> Frequencies;
    public List<int> SignatureIds;
    public uint[] Sketch;

    public void Term(ReadOnlySpan<char> term)
    {
        var id = Intern ? Words.Intern(term) : Words.Find(term);
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
        var id = Intern ? Signatures.Intern(signature) : Signatures.Find(signature);
        if (id >= 0 && !SignatureIds.Contains(id))
        {
            SignatureIds.Add(id);
        }
    }
}
