import { gpuInventory, gpuListProblem } from './gpu-inventory';

describe('the GPU inventory', () => {
  const detected = () => ['0', '1'];

  it('is what GPUS declares, or what nvidia-smi lists when it is unset', () => {
    expect(gpuInventory('0, 2,3', detected)).toEqual(['0', '2', '3']);
    expect(gpuInventory('none', detected)).toEqual([]);
    expect(gpuInventory(undefined, detected)).toEqual(['0', '1']);
  });

  it('refuses a list that is not device indexes, or names one twice', () => {
    expect(gpuListProblem('0,1')).toBeNull();
    expect(gpuListProblem('none')).toBeNull();
    expect(gpuListProblem('0,a')).toBe(
      'GPUS must be "none" or device indexes separated by commas (0,1,2,3), not "0,a"',
    );
    expect(gpuListProblem('1,1')).toBe('GPUS names a device twice: "1,1"');
  });
});
