namespace Hindsight.Storage; internal static class Placeholder { }
