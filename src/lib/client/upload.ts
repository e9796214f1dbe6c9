/**
 * Posts a form to a SvelteKit action with upload progress (fetch cannot report it; XMLHttpRequest can),
 * and returns the action's result as SvelteKit's `enhance` would.
 */
import { deserialize } from '$app/forms';
import type { ActionResult } from '@sveltejs/kit';

export function postWithProgress(
	action: string,
	body: FormData,
	onProgress: (fraction: number) => void
): Promise<ActionResult> {
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', action);
		xhr.setRequestHeader('accept', 'application/json');
		xhr.setRequestHeader('x-sveltekit-action', 'true');
		xhr.upload.onprogress = (event) => {
			if (event.lengthComputable) onProgress(event.loaded / event.total);
		};
		xhr.onload = () => {
			try {
				resolve(deserialize(xhr.responseText));
			} catch (error) {
				reject(error);
			}
		};
		xhr.onerror = () => reject(new Error('network'));
		xhr.send(body);
	});
}
