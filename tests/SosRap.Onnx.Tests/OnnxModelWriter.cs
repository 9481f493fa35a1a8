using System.Text;

namespace SosRap.Onnx.Tests;

/// <summary>
/// Writes tiny ONNX models by hand, field by field of onnx.proto (protobuf wire format), so the
/// tests need no download and no Python: token embeddings are a Gather from a table, masked by the
/// attention mask, optionally mean-pooled inside the model.
/// </summary>
internal static class OnnxModelWriter
{
    private const int Float = 1;
    private const int Int64 = 7;

    /// <summary>
    /// A model with inputs input_ids and attention_mask (int64, [batch, seq]) and, when
    /// <paramref name="pooled"/>, the output sentence_embedding [batch, width] (mean over tokens);
    /// otherwise last_hidden_state [batch, seq, width] = table[input_ids] × mask.
    /// <paramref name="extraInput"/> adds an input the embedder does not know.
    /// </summary>
    public static byte[] TokenTable(float[,] table, bool pooled = false, string? extraInput = null)
    {
        var rows = table.GetLength(0);
        var width = table.GetLength(1);
        var raw = new byte[rows * width * 4];
        Buffer.BlockCopy(table, 0, raw, 0, raw.Length);

        var graph = new Proto()
            .Message(1, Node(["table", "input_ids"], ["tokens"], "Gather"))
            .Message(1, Node(["attention_mask"], ["mask_f"], "Cast", new Proto().String(1, "to").Int(3, Float).Int(20, 2)))
            .Message(1, Node(["mask_f", "axes"], ["mask_3d"], "Unsqueeze"))
            .Message(1, Node(["tokens", "mask_3d"], [pooled ? "masked" : "last_hidden_state"], "Mul"));
        if (pooled)
            graph.Message(1, Node(["masked"], ["sentence_embedding"], "ReduceMean", new Proto().String(1, "axes").Int(8, 1).Int(20, 7), new Proto().String(1, "keepdims").Int(3, 0).Int(20, 2)));
        graph.String(2, "tiny")
            .Message(5, new Proto().Int(1, rows).Int(1, width).Int(2, Float).String(8, "table").Bytes(9, raw))
            .Message(5, new Proto().Int(1, 1).Int(2, Int64).String(8, "axes").Bytes(9, BitConverter.GetBytes(2L)))
            .Message(11, Value("input_ids", Int64, "batch", "seq"))
            .Message(11, Value("attention_mask", Int64, "batch", "seq"));
        if (extraInput is not null) graph.Message(11, Value(extraInput, Int64, "batch", "seq"));
        graph.Message(12, pooled ? Value("sentence_embedding", Float, "batch", width) : Value("last_hidden_state", Float, "batch", "seq", width));

        return new Proto()
            .Int(1, 8) // ir_version
            .String(2, "sosrap-tests")
            .Message(7, graph)
            .Message(8, new Proto().String(1, "").Int(2, 13)) // opset 13
            .ToArray();
    }

    private static Proto Node(string[] inputs, string[] outputs, string op, params Proto[] attributes)
    {
        var node = new Proto();
        foreach (var i in inputs) node.String(1, i);
        foreach (var o in outputs) node.String(2, o);
        node.String(3, op + "_" + outputs[0]).String(4, op);
        foreach (var a in attributes) node.Message(5, a);
        return node;
    }

    // ValueInfoProto with a tensor type; a string dimension is symbolic, an int fixed.
    private static Proto Value(string name, int elementType, params object[] dims)
    {
        var shape = new Proto();
        foreach (var d in dims) shape.Message(1, d is string s ? new Proto().String(2, s) : new Proto().Int(1, (int)d));
        return new Proto().String(1, name).Message(2, new Proto().Message(1, new Proto().Int(1, elementType).Message(2, shape)));
    }

    /// <summary>A protobuf message being written: varints and length-delimited fields only.</summary>
    private sealed class Proto
    {
        private readonly MemoryStream _bytes = new();

        public Proto Int(int field, long value)
        {
            Varint((ulong)(field << 3));
            Varint((ulong)value);
            return this;
        }

        public Proto String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public Proto Message(int field, Proto message) => Bytes(field, message.ToArray());

        public Proto Bytes(int field, byte[] value)
        {
            Varint((ulong)((field << 3) | 2));
            Varint((ulong)value.Length);
            _bytes.Write(value);
            return this;
        }

        public byte[] ToArray() => _bytes.ToArray();

        private void Varint(ulong v)
        {
            while (v >= 0x80)
            {
                _bytes.WriteByte((byte)(v | 0x80));
                v >>= 7;
            }

            _bytes.WriteByte((byte)v);
        }
    }
}
