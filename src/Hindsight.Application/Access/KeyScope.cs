namespace Hindsight.Application.Access;

/// <summary>What an API key may do; each scope includes the ones before it.</summary>
public enum KeyScope
{
    /// <summary>Read the organisation's history and analyses.</summary>
    Read,

    /// <summary>Also write: incidents, webhooks, feedback, silo and risk changes, drills.</summary>
    Write,

    /// <summary>Also retrain and reset the weights, rebuild the index.</summary>
    Admin,
}
