// Small, valid media files made in code, so a program that saves or plays what the mock returns
// gets a real file of the type it asked for.

// `seconds` of 16-bit mono PCM silence at 16 kHz in a RIFF/WAVE container.
export const wav = (seconds = 0.25) => {
  const samples = Math.round(16_000 * seconds)
  const file = Buffer.alloc(44 + samples * 2)
  file.write('RIFF', 0)
  file.writeUInt32LE(36 + samples * 2, 4)
  file.write('WAVEfmt ', 8)
  file.writeUInt32LE(16, 16)
  file.writeUInt16LE(1, 20) // PCM
  file.writeUInt16LE(1, 22) // mono
  file.writeUInt32LE(16_000, 24)
  file.writeUInt32LE(32_000, 28)
  file.writeUInt16LE(2, 32)
  file.writeUInt16LE(16, 34)
  file.write('data', 36)
  file.writeUInt32LE(samples * 2, 40)
  return file
}

// Raw 16-bit little-endian PCM silence, as OpenRouter streams `pcm`.
export const pcm = (seconds = 0.25) => Buffer.alloc(Math.round(16_000 * seconds) * 2)

// Silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, mono): 417 bytes each, 26 ms each.
export const mp3 = (frames = 10) => {
  const frame = Buffer.alloc(417)
  frame.set([0xff, 0xfb, 0x90, 0xc4])
  return Buffer.concat(Array.from({ length: frames }, () => frame))
}

// An ISO base media file: `ftyp` then an empty `mdat`, the skeleton every MP4 reader accepts.
export const mp4 = () => {
  const box = (type: string, body: Buffer) => {
    const header = Buffer.alloc(8)
    header.writeUInt32BE(8 + body.length, 0)
    header.write(type, 4)
    return Buffer.concat([header, body])
  }
  const ftyp = Buffer.concat([Buffer.from('isom'), Buffer.alloc(4), Buffer.from('isomiso2mp41')])
  return Buffer.concat([box('ftyp', ftyp), box('mdat', Buffer.alloc(0))])
}
