namespace Recsys.Runtime.Membership;

/// <summary>Who this silo is: its address (with generation), name and gateway port.</summary>
public sealed record LocalSiloDetails(SiloAddress Address, string Name, int? GatewayPort);
