/** socket.io rooms: everyone of a meeting, and each participant identity (all their devices). */
export function meetingRoom(meetingId: string): string {
  return `meeting:${meetingId}`;
}

export function personRoom(meetingId: string, identity: string): string {
  return `person:${meetingId}:${identity}`;
}
