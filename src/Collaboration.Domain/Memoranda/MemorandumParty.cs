using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

/// <summary>
/// A party as it stood when added: the name is a snapshot so the signed memorandum keeps the name
/// it was signed under even if the partner later renames itself.
/// </summary>
public sealed record MemorandumParty(PartnerId Partner, PartyRole Role, BilingualText Name);
