import { meetingClock, meetingDate, videoAt, videoClock } from './public-time';

describe('public meeting times', () => {
  it('shows Norwegian time in Norwegian format whatever the time zone', () => {
    expect(meetingDate('2027-02-11T17:00:00Z', 'nb-NO')).toBe('torsdag 11. februar 2027');
    expect(meetingClock('2027-02-11T17:00:00Z', 'nb-NO')).toBe('18:00');
    // Summer time: UTC+2.
    expect(meetingClock('2027-06-10T16:30:00Z', 'nb-NO')).toBe('18:30');
    // Late in the evening in Norway is the next day's date in UTC+0 only after midnight.
    expect(meetingDate('2027-02-11T23:30:00Z', 'nb-NO')).toBe('fredag 12. februar 2027');
  });

  it('links into a video at a start time: ?t= for YouTube, #t= for others', () => {
    expect(videoAt('https://www.youtube.com/watch?v=abc', 125)).toBe(
      'https://www.youtube.com/watch?v=abc&t=125',
    );
    expect(videoAt('https://youtu.be/abc', 60)).toBe('https://youtu.be/abc?t=60');
    expect(videoAt('https://video.example/kommunestyret', 3725)).toBe(
      'https://video.example/kommunestyret#t=3725',
    );
    expect(videoAt('https://video.example/m.mp4#t=10', 20)).toBe(
      'https://video.example/m.mp4#t=20',
    );
    expect(videoAt('not a url', 5)).toBe('not a url');
  });

  it('writes a start time as a clock', () => {
    expect(videoClock(65)).toBe('1:05');
    expect(videoClock(3725)).toBe('1:02:05');
  });
});
