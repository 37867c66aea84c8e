/** Where a roadshow lives in the app. */
export const roadshowPath = (id: string): string => `/roadshows/${encodeURIComponent(id)}`;
export const roadshowLivePath = (id: string): string => `/roadshows/${encodeURIComponent(id)}/live`;
