namespace Ferry.Ops.Trees;

/// <summary>One piece of a <c>--format</c> pattern: literal text, or a placeholder.</summary>
/// <param name="Kind">What the chunk stands for.</param>
/// <param name="Text">The literal text of a <see cref="TreeFormatChunkKind.Raw"/> chunk.</param>
internal sealed record TreeFormatChunk(TreeFormatChunkKind Kind, string Text = "");
