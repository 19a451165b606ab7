namespace Recsys.Runtime.Messaging;

/// <summary>
/// What a frame carries. Every frame is [int32 length][byte kind][payload]; integers are little-endian.
/// Request: [id:int64][deadline ms:int32][forwards:byte][method id:uint32][interface:str16][grain:str16][arguments: JSON array].
/// Response: [id:int64][status:byte 0 ok, 1 exception][JSON]. System request: [id][op:str16][JSON]; system response: [id][status][JSON].
/// Hello is the first frame on a connection: [JSON] naming the peer.
/// </summary>
internal enum FrameKind : byte
{
    Hello = 1,
    Request = 2,
    Response = 3,
    SystemRequest = 4,
    SystemResponse = 5,
}
