/**
 * Shrinks a photo on the phone before upload: long edge at most 1600 px, JPEG at quality 0.8. A 4 MB
 * camera photo becomes ~200–400 KB, which is what a slow, metered connection can carry. Files that are
 * not images, or that the browser cannot decode, are returned unchanged (the server checks them anyway).
 */
export const LONG_EDGE = 1600;
const QUALITY = 0.8;

export async function shrinkImage(file: File): Promise<File> {
	if (!file.type.startsWith('image/')) return file;
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	} catch {
		return file;
	}
	const scale = Math.min(1, LONG_EDGE / Math.max(bitmap.width, bitmap.height));
	if (scale === 1 && file.type === 'image/jpeg' && file.size < 600_000) return file;
	const canvas = document.createElement('canvas');
	canvas.width = Math.round(bitmap.width * scale);
	canvas.height = Math.round(bitmap.height * scale);
	canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
	bitmap.close();
	const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/jpeg', QUALITY));
	if (!blob || blob.size >= file.size) return file;
	const name = file.name.replace(/\.[^.]+$/, '') + '.jpg';
	return new File([blob], name, { type: 'image/jpeg', lastModified: file.lastModified });
}
